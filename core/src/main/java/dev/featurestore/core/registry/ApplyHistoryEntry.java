package dev.featurestore.core.registry;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One line of a project's apply history: an object changed by an apply at a time. */
public record ApplyHistoryEntry(
    Instant appliedAt, RegistryChange.Type type, RegistryObjectKind kind, String name, String summary) {
  public ApplyHistoryEntry {
    requireNonNull(appliedAt, "appliedAt is null");
    requireNonNull(type, "type is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    summary = summary == null ? "" : summary;
  }
}
