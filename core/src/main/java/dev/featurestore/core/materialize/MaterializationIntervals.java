package dev.featurestore.core.materialize;

import com.google.protobuf.Timestamp;
import feast.proto.core.FeatureViewProto.FeatureViewMeta;
import feast.proto.core.FeatureViewProto.FeatureViewState;
import feast.proto.core.FeatureViewProto.MaterializationInterval;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads and records materialized intervals in a stored view's {@code FeatureViewMeta}, as Feast's
 * registries do in {@code apply_materialization} ({@code infra/registry/registry.py}, {@code
 * sql.py}): append {@code (start, end)} to {@code meta.materialization_intervals}, set {@code
 * meta.last_updated_timestamp} to now and {@code meta.state} to {@code AVAILABLE_ONLINE}.
 */
final class MaterializationIntervals {

  private MaterializationIntervals() {}

  /** Feast's {@code most_recent_end_time}: the latest end of any recorded interval. */
  static Optional<Instant> mostRecentEnd(FeatureViewMeta meta) {
    return meta.getMaterializationIntervalsList().stream()
        .map(interval -> instant(interval.getEndTime()))
        .max(Instant::compareTo);
  }

  static FeatureViewMeta record(FeatureViewMeta stored, Instant start, Instant end, Instant now) {
    return stored.toBuilder()
            .addMaterializationIntervals(
                MaterializationInterval.newBuilder()
                    .setStartTime(timestamp(start))
                    .setEndTime(timestamp(end)))
            .setLastUpdatedTimestamp(timestamp(now))
            .setState(FeatureViewState.AVAILABLE_ONLINE)
            .build();
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
