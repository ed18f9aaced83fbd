package dev.featurestore.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Feast's {@code Entity}. {@code valueType} is empty when the repository does not declare one
 * (Feast then infers the join key's type from the feature views' schemas or sources).
 */
public record Entity(String name, String joinKey, Optional<ValueType> valueType, Metadata metadata) {
  public Entity {
    requireNonNull(name, "name is null");
    requireNonNull(joinKey, "joinKey is null");
    requireNonNull(valueType, "valueType is null");
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }
}
