package dev.featurestore.registry.repo;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.SourceLocation;

/**
 * A join key of a feature view whose type the repository does not state: no schema field has its
 * name and its entity has no {@code value_type}. Feast reads the type from the batch source's
 * columns at apply time (the {@code feast init} template relies on this for {@code driver_id});
 * whoever can read the source must add the entity column, typed, before the view is stored.
 */
public record EntityColumnToInfer(
    String featureView, String entity, String joinKey, String batchSource, SourceLocation location) {
  public EntityColumnToInfer {
    requireNonNull(featureView, "featureView is null");
    requireNonNull(entity, "entity is null");
    requireNonNull(joinKey, "joinKey is null");
    requireNonNull(batchSource, "batchSource is null");
    requireNonNull(location, "location is null");
  }

  /** A message for when nobody can infer the type. */
  public String describe() {
    return location + ": feature view '" + featureView + "': the type of join key '" + joinKey
        + "' (entity '" + entity + "') comes from neither a schema field nor the entity's value_type;"
        + " it must be read from source '" + batchSource + "'";
  }
}
