package dev.featurestore.adminui.registry;

import static java.util.Objects.requireNonNull;

import dev.featurestore.adminui.web.ObjectKind;
import dev.featurestore.core.model.Metadata;

/**
 * One row of a registry list or search result.
 *
 * @param detail a short kind-specific fact ("3 features, TTL 2d", "FileSource")
 * @param matchedOn for search results, where the query matched; "" otherwise
 */
public record ObjectSummary(ObjectKind kind, String name, Metadata metadata, String detail, String matchedOn) {
  public ObjectSummary {
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    requireNonNull(metadata, "metadata is null");
    detail = detail == null ? "" : detail;
    matchedOn = matchedOn == null ? "" : matchedOn;
  }

  ObjectSummary matched(String where) {
    return new ObjectSummary(kind, name, metadata, detail, where);
  }
}
