package dev.featurestore.core.model;

import java.time.Duration;
import java.util.List;

/**
 * What makes a feature view a Feast {@code StreamFeatureView}: how its stream is processed.
 *
 * @param mode Feast's {@code mode} ("spark", "python"...); kept for round trips, not interpreted
 * @param timestampField the event-time column of the stream's records that windows use ("" =
 *     the stream source's {@code timestamp_field})
 * @param aggregations windowed aggregations; empty means the stream's rows are written as they
 *     are (features named like the source's columns)
 * @param enableTiling Feast's {@code enable_tiling}, kept for round trips
 * @param tilingHopSize Feast's {@code tiling_hop_size}, zero when unset
 */
public record StreamViewSpec(
    String mode,
    String timestampField,
    List<Aggregation> aggregations,
    boolean enableTiling,
    Duration tilingHopSize) {

  public StreamViewSpec {
    mode = mode == null ? "" : mode;
    timestampField = timestampField == null ? "" : timestampField;
    aggregations = List.copyOf(aggregations == null ? List.of() : aggregations);
    tilingHopSize = tilingHopSize == null ? Duration.ZERO : tilingHopSize;
  }
}
