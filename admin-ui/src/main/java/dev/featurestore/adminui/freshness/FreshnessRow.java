package dev.featurestore.adminui.freshness;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The freshness of one feature view.
 *
 * @param intervalStart start of the latest materialized interval (the one ending last)
 * @param intervalEnd its end: online data holds events up to here
 * @param age now minus {@code intervalEnd}
 * @param intervals how many intervals the registry records
 * @param pushFed whether a push or stream source may have written fresher values than the
 *     intervals say
 */
public record FreshnessRow(
    String view,
    boolean online,
    Duration ttl,
    Optional<Instant> intervalStart,
    Optional<Instant> intervalEnd,
    Optional<Duration> age,
    int intervals,
    boolean pushFed,
    FreshnessStatus status) {
  public FreshnessRow {
    requireNonNull(view, "view is null");
    requireNonNull(ttl, "ttl is null");
    requireNonNull(intervalStart, "intervalStart is null");
    requireNonNull(intervalEnd, "intervalEnd is null");
    requireNonNull(age, "age is null");
    requireNonNull(status, "status is null");
  }

  /** Age in seconds for sorting; views never materialized count as infinitely stale. */
  long stalenessSeconds() {
    if (status == FreshnessStatus.OFFLINE_ONLY) {
      return Long.MIN_VALUE;
    }
    return age.map(Duration::getSeconds).orElse(Long.MAX_VALUE);
  }
}
