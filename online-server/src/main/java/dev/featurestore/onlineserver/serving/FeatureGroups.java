package dev.featurestore.onlineserver.serving;

import com.google.protobuf.Timestamp;
import dev.featurestore.api.v1.FeatureGroup;
import feast.proto.serving.ServingAPIProto.FieldStatus;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse.FeatureVector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Regroups a one-row Feast response into the product API's groups. Features are keyed by plain
 * name inside a group; if two views of one group share a feature name the first wins.
 *
 * @param groups group name to its features, in service order
 * @param allFound every group has at least one PRESENT value (the product API's {@code cache_hit})
 */
public record FeatureGroups(Map<String, FeatureGroup> groups, boolean allFound) {

  static FeatureGroups of(ResolvedFeatures features, GetOnlineFeaturesResponse response, int entityColumns,
      Function<ViewSelection, String> groupOf) {
    Map<String, FeatureGroup.Builder> builders = new LinkedHashMap<>();
    Map<String, Boolean> found = new LinkedHashMap<>();
    for (ViewSelection selection : features.selections()) {
      builders.computeIfAbsent(groupOf.apply(selection), g -> FeatureGroup.newBuilder());
      found.putIfAbsent(groupOf.apply(selection), false);
    }
    List<OutputColumn> columns = features.columns();
    for (int c = 0; c < columns.size(); c++) {
      OutputColumn column = columns.get(c);
      ViewSelection selection = features.selections().get(column.selection());
      String group = groupOf.apply(selection);
      String feature = selection.features().get(column.position());
      FeatureGroup.Builder builder = builders.get(group);
      if (builder.containsValues(feature)) {
        continue;
      }
      FeatureVector vector = response.getResults(entityColumns + c);
      FieldStatus status = vector.getStatuses(0);
      builder.putValues(feature, vector.getValues(0));
      if (status != FieldStatus.PRESENT) {
        builder.putStatuses(feature, status);
      } else {
        found.put(group, true);
      }
      Timestamp ts = vector.getEventTimestamps(0);
      if (status != FieldStatus.NOT_FOUND && later(ts, builder.getEventTimestamp())) {
        builder.setEventTimestamp(ts);
      }
    }
    Map<String, FeatureGroup> groups = new LinkedHashMap<>();
    builders.forEach((name, builder) -> groups.put(name, builder.build()));
    boolean allFound = !found.isEmpty() && found.values().stream().allMatch(Boolean::booleanValue);
    return new FeatureGroups(groups, allFound);
  }

  private static boolean later(Timestamp a, Timestamp b) {
    return a.getSeconds() > b.getSeconds() || a.getSeconds() == b.getSeconds() && a.getNanos() > b.getNanos();
  }
}
