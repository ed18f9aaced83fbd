package dev.featurestore.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** Feast's {@code Field}: a named, typed column of a feature view, source or struct. */
public record Field(String name, FeastType dtype, String description, Map<String, String> tags) {
  public Field {
    requireNonNull(name, "name is null");
    requireNonNull(dtype, "dtype is null");
    description = description == null ? "" : description;
    tags = Map.copyOf(tags == null ? Map.of() : tags);
  }

  public static Field of(String name, FeastType dtype) {
    return new Field(name, dtype, "", Map.of());
  }
}
