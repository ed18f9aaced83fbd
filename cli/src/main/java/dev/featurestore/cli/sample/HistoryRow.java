package dev.featurestore.cli.sample;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;

/**
 * One row of an entity's history, as a table sees it when choosing feature values.
 *
 * @param rng the entity's random stream
 * @param daysBeforeNow how long before {@code now} the row's event happened, in days
 * @param correction true for a re-delivered row: same event time as the previous row, later created
 *     time, possibly different values
 */
record HistoryRow(SplittableRandom rng, double daysBeforeNow, boolean correction) {
  HistoryRow {
    requireNonNull(rng, "rng is null");
  }
}
