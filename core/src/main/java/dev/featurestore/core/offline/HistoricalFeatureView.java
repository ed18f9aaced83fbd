package dev.featurestore.core.offline;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.model.FeatureView;
import java.util.List;
import java.util.Map;

/**
 * One view of a historical retrieval and the features read from it, as Feast's feature-view
 * projection: the name columns are prefixed with (the alias of {@code view[["f"]].with_name}, else
 * the view's name) and the entity columns the join keys are read from ({@code with_join_key_map}).
 *
 * @param joinKeys the view's join keys (entity join-key names, empty for an entityless view)
 * @param joinKeyMap join key to entity-rows column, for keys named differently there
 * @param features the selected feature names, in output order; each is a feature of the view
 */
public record HistoricalFeatureView(
    FeatureView view,
    String nameToUse,
    List<String> joinKeys,
    Map<String, String> joinKeyMap,
    List<String> features) {

  public HistoricalFeatureView {
    requireNonNull(view, "view is null");
    requireNonNull(nameToUse, "nameToUse is null");
    joinKeys = List.copyOf(joinKeys);
    joinKeyMap = Map.copyOf(joinKeyMap);
    features = List.copyOf(features);
    if (features.isEmpty()) {
      throw new IllegalArgumentException("no features selected from view " + view.name());
    }
    for (String feature : features) {
      if (view.feature(feature).isEmpty()) {
        throw new IllegalArgumentException("view " + view.name() + " has no feature " + feature);
      }
    }
  }

  /** The entity-rows column a join key is matched against. */
  public String entityColumn(String joinKey) {
    return joinKeyMap.getOrDefault(joinKey, joinKey);
  }

  /**
   * The output column of a feature: {@code feature}, or {@code view__feature} with Feast's
   * {@code full_feature_names} (a double underscore, as every Feast offline store writes it).
   */
  public String outputColumn(String feature, boolean fullFeatureNames) {
    return fullFeatureNames ? nameToUse + "__" + feature : feature;
  }
}
