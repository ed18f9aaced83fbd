package dev.featurestore.onlineserver.serving;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.onlineserver.metrics.ServingMetrics;
import feast.proto.serving.ServingAPIProto.FeatureList;
import feast.proto.serving.ServingAPIProto.FieldStatus;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse.FeatureVector;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponseMetadata;
import feast.proto.types.ValueProto.RepeatedValue;
import feast.proto.types.ValueProto.Value;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Builds Feast's column-major response: the request's entity columns first (echoed, PRESENT, epoch
 * 0), then one column per requested feature in request order.
 *
 * <p>Statuses follow Feast's Go server (feast-compat.md §7): no row, or no value for the feature,
 * is NOT_FOUND with an empty value (a stored {@code null_val} too); a value older than the view's
 * ttl is OUTSIDE_MAX_AGE and still returned; a ttl of zero never expires; everything else, a
 * stored empty value included, is PRESENT. NULL_VALUE is never emitted.
 */
final class ResponseAssembler {
  static final Timestamp EPOCH = Timestamp.getDefaultInstance();
  private static final Value EMPTY = Value.getDefaultInstance();

  private ResponseAssembler() {}

  static GetOnlineFeaturesResponse assemble(ResolvedFeatures features, Map<String, RepeatedValue> entities,
      int rows, List<EntityKeys> keys, List<List<OnlineRow>> results, Instant now) {
    FeatureList.Builder names = FeatureList.newBuilder();
    GetOnlineFeaturesResponse.Builder response = GetOnlineFeaturesResponse.newBuilder();
    for (Map.Entry<String, RepeatedValue> column : entities.entrySet()) {
      names.addVal(column.getKey());
      FeatureVector.Builder vector = FeatureVector.newBuilder().addAllValues(column.getValue().getValList());
      for (int row = 0; row < rows; row++) {
        vector.addStatuses(FieldStatus.PRESENT).addEventTimestamps(EPOCH);
      }
      response.addResults(vector);
    }
    long nowSeconds = now.getEpochSecond();
    for (OutputColumn column : features.columns()) {
      names.addVal(column.name());
      ViewSelection selection = features.selections().get(column.selection());
      long ttlSeconds = selection.view().view().ttl().getSeconds();
      int[] rowToKey = keys.get(column.selection()).rowToKey();
      List<OnlineRow> found = results.get(column.selection());
      FeatureVector.Builder vector = FeatureVector.newBuilder();
      for (int row = 0; row < rows; row++) {
        OnlineRow stored = found.get(rowToKey[row]);
        Value value = stored == null ? null : stored.values().get(column.position());
        if (value == null || value.getValCase() == Value.ValCase.NULL_VAL) {
          vector.addValues(EMPTY).addStatuses(FieldStatus.NOT_FOUND)
              .addEventTimestamps(stored == null ? EPOCH : stored.eventTimestamp());
        } else {
          Timestamp eventTime = stored.eventTimestamp();
          boolean stale = ttlSeconds > 0 && nowSeconds - eventTime.getSeconds() > ttlSeconds;
          vector.addValues(value).addStatuses(stale ? FieldStatus.OUTSIDE_MAX_AGE : FieldStatus.PRESENT)
              .addEventTimestamps(eventTime);
        }
      }
      response.addResults(vector);
    }
    return response.setMetadata(GetOnlineFeaturesResponseMetadata.newBuilder().setFeatureNames(names)).build();
  }

  /** Counts what the online store itself held, before any miss policy filled a gap. */
  static void countLookups(ResolvedFeatures features, List<EntityKeys> keys,
      List<List<OnlineRow>> results, ServingMetrics metrics) {
    for (int s = 0; s < features.selections().size(); s++) {
      int found = 0;
      int missing = 0;
      for (int index : keys.get(s).rowToKey()) {
        if (results.get(s).get(index) == null) {
          missing++;
        } else {
          found++;
        }
      }
      metrics.recordLookups(features.selections().get(s).view().name(), found, missing);
    }
  }
}
