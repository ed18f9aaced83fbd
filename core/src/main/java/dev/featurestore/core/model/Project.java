package dev.featurestore.core.model;

import static java.util.Objects.requireNonNull;

/** Feast's {@code Project}. */
public record Project(String name, Metadata metadata) {
  public Project {
    requireNonNull(name, "name is null");
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }
}
