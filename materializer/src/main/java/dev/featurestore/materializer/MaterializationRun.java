package dev.featurestore.materializer;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One run of one feature view's materialization: a row of {@code fs_materialization_runs}.
 *
 * @param windowStart the window's start; empty while running, and when the view was skipped
 *     (already materialized up to now) or failed before planning
 * @param error the failure message, for FAILED and RETRYING runs
 * @param instance the scheduler instance that ran it
 */
public record MaterializationRun(
    long id,
    String project,
    String featureView,
    Instant startedAt,
    Optional<Instant> finishedAt,
    Optional<Instant> windowStart,
    Optional<Instant> windowEnd,
    long rowsWritten,
    RunStatus status,
    Optional<String> error,
    String instance) {

  public MaterializationRun {
    requireNonNull(project, "project is null");
    requireNonNull(featureView, "featureView is null");
    requireNonNull(startedAt, "startedAt is null");
    requireNonNull(finishedAt, "finishedAt is null");
    requireNonNull(windowStart, "windowStart is null");
    requireNonNull(windowEnd, "windowEnd is null");
    requireNonNull(status, "status is null");
    requireNonNull(error, "error is null");
    requireNonNull(instance, "instance is null");
  }
}
