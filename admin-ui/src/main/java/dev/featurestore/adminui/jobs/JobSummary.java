package dev.featurestore.adminui.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A scheduled materialization job.
 *
 * @param schedule as configured, e.g. a cron expression or "every 15m"
 * @param state e.g. "scheduled", "running", "paused"
 */
public record JobSummary(
    String name, String featureView, String schedule, String state, Optional<Instant> lastRun, Optional<Instant> nextRun) {
  public JobSummary {
    requireNonNull(name, "name is null");
    requireNonNull(featureView, "featureView is null");
    requireNonNull(schedule, "schedule is null");
    requireNonNull(state, "state is null");
    requireNonNull(lastRun, "lastRun is null");
    requireNonNull(nextRun, "nextRun is null");
  }
}
