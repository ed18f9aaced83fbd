package dev.featurestore.core.online;

import static java.util.Objects.requireNonNull;

import feast.proto.types.EntityKeyProto.EntityKey;
import java.util.List;

/**
 * The features of one feature view to read for many entities.
 *
 * @param view the feature view's name as stored (Feast's table / {@code _ts:<view>} name)
 * @param features plain feature names (no view prefix), in the order results are wanted
 * @param keys entity keys with join keys in any order (stores serialize them sorted, as Feast)
 */
public record ViewRead(String view, List<String> features, List<EntityKey> keys) {
  public ViewRead {
    requireNonNull(view, "view is null");
    features = List.copyOf(features);
    keys = List.copyOf(keys);
  }
}
