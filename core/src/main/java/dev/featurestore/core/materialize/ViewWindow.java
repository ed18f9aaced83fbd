package dev.featurestore.core.materialize;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The time range of one view in a materialization run.
 *
 * @param start the start recorded in the registry (what the user asked, or the incremental start)
 * @param end the end, recorded as the view's newest materialized time
 * @param pullFrom where reading actually starts: {@code start}, or {@code end - ttl} when that is
 *     later, since rows older than the view's ttl would be stale the moment they are written
 */
public record ViewWindow(String view, Instant start, Instant end, Instant pullFrom) {
  public ViewWindow {
    requireNonNull(view, "view is null");
    requireNonNull(start, "start is null");
    requireNonNull(end, "end is null");
    requireNonNull(pullFrom, "pullFrom is null");
  }

  /** Whether the ttl moved the start of reading later than the recorded start. */
  public boolean cutByTtl() {
    return pullFrom.isAfter(start);
  }
}
