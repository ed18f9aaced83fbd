package dev.featurestore.core.offline;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import feast.proto.types.EntityKeyProto.EntityKey;
import java.time.Instant;
import java.util.List;

/**
 * What {@link OfflineStore#pullLatest} reads: the latest row per entity of one view in a window.
 *
 * @param joinKeys the view's join keys (entity join-key names, not source column names) with the
 *     entity column types their values are written as; empty for an entityless view
 * @param start first event time included
 * @param end last event time included (Feast's stores filter {@code BETWEEN start AND end})
 * @param batchSize the most rows {@link OfflineRowStream#nextBatch()} returns at once
 * @param entityKeys when not empty, only these entities are wanted (the online server's miss
 *     backfill); a back-end may push the restriction into its query or ignore it and return every
 *     entity, so callers that pass keys filter the rows they get. Empty: every entity.
 */
public record PullLatestRequest(
    FeatureView view, List<Field> joinKeys, Instant start, Instant end, int batchSize,
    List<EntityKey> entityKeys) {

  public static final int DEFAULT_BATCH_SIZE = 1_000;

  public PullLatestRequest {
    requireNonNull(view, "view is null");
    joinKeys = List.copyOf(joinKeys);
    requireNonNull(start, "start is null");
    requireNonNull(end, "end is null");
    if (start.isAfter(end)) {
      throw new IllegalArgumentException("start " + start + " is after end " + end);
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
    }
    entityKeys = List.copyOf(entityKeys);
  }

  /** A request for every entity of the window. */
  public PullLatestRequest(FeatureView view, List<Field> joinKeys, Instant start, Instant end, int batchSize) {
    this(view, joinKeys, start, end, batchSize, List.of());
  }
}
