package dev.featurestore.materializer;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/** How a run ended, written over its RUNNING row by {@link MaterializationRunStore#finish}. */
public record RunOutcome(
    Instant finishedAt,
    Optional<Instant> windowStart,
    Optional<Instant> windowEnd,
    long rowsWritten,
    RunStatus status,
    Optional<String> error) {

  public RunOutcome {
    requireNonNull(finishedAt, "finishedAt is null");
    requireNonNull(windowStart, "windowStart is null");
    requireNonNull(windowEnd, "windowEnd is null");
    requireNonNull(status, "status is null");
    requireNonNull(error, "error is null");
    if (status == RunStatus.RUNNING) {
      throw new IllegalArgumentException("an outcome cannot be RUNNING");
    }
  }
}
