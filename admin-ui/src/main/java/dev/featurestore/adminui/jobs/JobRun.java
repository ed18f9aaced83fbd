package dev.featurestore.adminui.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One run of a job.
 *
 * @param status e.g. "running", "succeeded", "failed"
 * @param message the error or a summary; "" if none
 */
public record JobRun(
    String id, String job, Instant startedAt, Optional<Instant> finishedAt, String status, long rowsWritten, String message) {
  public JobRun {
    requireNonNull(id, "id is null");
    requireNonNull(job, "job is null");
    requireNonNull(startedAt, "startedAt is null");
    requireNonNull(finishedAt, "finishedAt is null");
    requireNonNull(status, "status is null");
    message = message == null ? "" : message;
  }
}
