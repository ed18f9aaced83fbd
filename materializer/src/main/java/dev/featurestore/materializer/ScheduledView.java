package dev.featurestore.materializer;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One view on the schedule.
 *
 * @param trigger the schedule in words, e.g. {@code every 1h} or {@code cron 0 0/5 * * * ?}
 * @param nextFireTime empty when paused or when the trigger has no further fire
 */
public record ScheduledView(String view, String trigger, Optional<Instant> nextFireTime, boolean paused) {
  public ScheduledView {
    requireNonNull(view, "view is null");
    requireNonNull(trigger, "trigger is null");
    requireNonNull(nextFireTime, "nextFireTime is null");
  }
}
