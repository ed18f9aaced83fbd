package dev.featurestore.cli.sample;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One sample Parquet file and the feature view reading it: its columns and how to draw plausible
 * values. {@link SampleTableWriter} decides how many rows an entity gets and when; subclasses only
 * choose values.
 *
 * @param <P> per-entity state drawn once and carried across the entity's rows, so that values
 *     evolve (counters grow) instead of jumping at random
 */
abstract class SampleTable<P> {
  static final String EVENT_TIMESTAMP = "event_timestamp";
  static final String CREATED = "created";

  private final String name;
  private final SampleEntity entity;
  private final int minRows;
  private final int maxRows;
  private final Duration freshness;
  private final List<SampleColumn> features;

  /**
   * @param freshness the newest row of each entity falls between this long before {@code now} and
   *     two hours before {@code now}; keep it well under the view's ttl
   */
  SampleTable(
      String name,
      SampleEntity entity,
      int minRows,
      int maxRows,
      Duration freshness,
      List<SampleColumn> features) {
    this.name = requireNonNull(name, "name is null");
    this.entity = requireNonNull(entity, "entity is null");
    this.freshness = requireNonNull(freshness, "freshness is null");
    this.features = List.copyOf(features);
    if (minRows < 1 || maxRows < minRows) {
      throw new IllegalArgumentException("bad row range " + minRows + ".." + maxRows);
    }
    this.minRows = minRows;
    this.maxRows = maxRows;
  }

  /** The feature view's name, also the file's name without {@code .parquet}. */
  final String name() {
    return name;
  }

  final SampleEntity entity() {
    return entity;
  }

  final int minRows() {
    return minRows;
  }

  final int maxRows() {
    return maxRows;
  }

  final Duration freshness() {
    return freshness;
  }

  /** Every column of the file in order: join key, the two timestamps, then the features. */
  final List<SampleColumn> columns() {
    List<SampleColumn> columns = new ArrayList<>(features.size() + 3);
    columns.add(SampleColumn.string(entity.joinKey()));
    columns.add(SampleColumn.timestamp(EVENT_TIMESTAMP));
    columns.add(SampleColumn.timestamp(CREATED));
    columns.addAll(features);
    return List.copyOf(columns);
  }

  /**
   * Draws an entity's state.
   *
   * @param risk the entity's latent riskiness in [0, 1), mostly near 0, the same in every table of
   *     the entity, so that a risky user has both a low credit score and missed payments
   */
  abstract P newProfile(SplittableRandom rng, double risk);

  /** Appends one value per feature column, in {@link #columns()} order. */
  abstract void writeFeatures(P profile, HistoryRow row, FeatureWriter out) throws SQLException;
}
