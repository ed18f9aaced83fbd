package dev.featurestore.onlineserver.serving;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A feature view with what serving needs precomputed: typed join keys, features by name and its
 * product-API group (the {@code group} tag, else the view's name).
 */
public record ViewInfo(
    FeatureView view, List<JoinKey> joinKeys, Map<String, Field> featuresByName, String group) {

  public ViewInfo {
    requireNonNull(view, "view is null");
    joinKeys = List.copyOf(joinKeys);
    featuresByName = Map.copyOf(featuresByName);
    requireNonNull(group, "group is null");
  }

  static ViewInfo of(FeatureView view, List<JoinKey> joinKeys) {
    Map<String, Field> byName =
        view.features().stream().collect(Collectors.toMap(Field::name, Function.identity(), (a, b) -> a));
    String group = view.metadata().tags().getOrDefault("group", view.name());
    return new ViewInfo(view, joinKeys, byName, group);
  }

  public String name() {
    return view.name();
  }
}
