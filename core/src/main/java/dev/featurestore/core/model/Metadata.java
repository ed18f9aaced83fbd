package dev.featurestore.core.model;

import java.util.Map;

/** The descriptive attributes every Feast object takes: description, tags and owner. */
public record Metadata(String description, Map<String, String> tags, String owner) {
  public static final Metadata EMPTY = new Metadata("", Map.of(), "");

  public Metadata {
    description = description == null ? "" : description;
    tags = Map.copyOf(tags == null ? Map.of() : tags);
    owner = owner == null ? "" : owner;
  }
}
