package dev.featurestore.materializer.stream;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.Aggregation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.StreamViewSpec;
import dev.featurestore.core.model.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One feature view fed by a stream source, resolved once: which columns hold its keys, features and
 * event time, and, for a stream feature view with aggregations, the windows to keep.
 *
 * @param columnOf feature or join-key name to the source column holding it (the source's {@code
 *     field_mapping} reversed)
 * @param outputs for each aggregation, the feature it writes (typed by the view's schema, else
 *     Int64 for count and Float64 for the rest)
 */
record ViewTarget(
    FeatureView view,
    List<Field> joinKeys,
    Map<String, String> columnOf,
    String timestampColumn,
    List<Aggregation> aggregations,
    List<Field> outputs) {

  ViewTarget {
    requireNonNull(view, "view is null");
    joinKeys = List.copyOf(joinKeys);
    columnOf = Map.copyOf(columnOf);
    requireNonNull(timestampColumn, "timestampColumn is null");
    aggregations = List.copyOf(aggregations);
    outputs = List.copyOf(outputs);
  }

  static ViewTarget of(FeatureView view, DataSource source, List<Field> joinKeys) {
    Map<String, String> columnOf = new HashMap<>();
    source.fieldMapping().forEach((column, name) -> columnOf.put(name, column));
    String timestampColumn =
        view.stream().map(StreamViewSpec::timestampField).filter(f -> !f.isEmpty())
            .orElse(source.timestampField());
    if (timestampColumn.isEmpty()) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_DEFINITION,
          "feature view '" + view.name() + "': its stream source '" + source.name()
              + "' has no timestamp_field, so stream records have no event time");
    }
    List<Aggregation> aggregations =
        view.stream().map(StreamViewSpec::aggregations).orElse(List.of());
    List<Field> outputs = new ArrayList<>();
    for (Aggregation aggregation : aggregations) {
      checkComputable(view, aggregation);
      String name = aggregation.featureName();
      outputs.add(view.feature(name).orElseGet(() -> Field.of(name, defaultType(aggregation))));
    }
    return new ViewTarget(view, joinKeys, columnOf, timestampColumn, aggregations, outputs);
  }

  boolean aggregates() {
    return !aggregations.isEmpty();
  }

  String column(String name) {
    return columnOf.getOrDefault(name, name);
  }

  private static void checkComputable(FeatureView view, Aggregation aggregation) {
    String problem = null;
    if (!List.of("count", "sum", "mean", "min", "max").contains(aggregation.function())) {
      problem = "function '" + aggregation.function() + "' is not one of count, sum, mean, min, max";
    } else if (aggregation.timeWindow().isZero() || aggregation.timeWindow().isNegative()) {
      problem = "it has no time_window";
    } else if (aggregation.hop().isNegative()
        || aggregation.timeWindow().toMillis() % aggregation.hop().toMillis() != 0) {
      problem = "time_window is not a whole multiple of slide_interval";
    }
    if (problem != null) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_DEFINITION,
          "stream feature view '" + view.name() + "', aggregation '" + aggregation.featureName()
              + "': " + problem);
    }
  }

  private static FeastType defaultType(Aggregation aggregation) {
    return aggregation.function().equals("count")
        ? new FeastType.Primitive(ValueType.INT64, "Int64")
        : new FeastType.Primitive(ValueType.DOUBLE, "Float64");
  }
}
