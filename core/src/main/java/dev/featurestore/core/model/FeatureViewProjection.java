package dev.featurestore.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A view as a feature service or on-demand view uses it: {@code view[["f1", "f2"]]}, optionally
 * renamed with {@code .with_name(alias)} and re-keyed with {@code .with_join_key_map}.
 *
 * @param alias "" when not renamed
 * @param features the selected features; all of the view's when it is used whole
 */
public record FeatureViewProjection(
    String featureViewName, String alias, List<Field> features, Map<String, String> joinKeyMap) {
  public FeatureViewProjection {
    requireNonNull(featureViewName, "featureViewName is null");
    alias = alias == null ? "" : alias;
    features = List.copyOf(features);
    joinKeyMap = Map.copyOf(joinKeyMap == null ? Map.of() : joinKeyMap);
  }

  /** The name responses use as the prefix: the alias when set, else the view's name. */
  public String nameToUse() {
    return alias.isEmpty() ? featureViewName : alias;
  }
}
