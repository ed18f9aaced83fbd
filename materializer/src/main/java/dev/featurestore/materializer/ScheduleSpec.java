package dev.featurestore.materializer;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** When a view's incremental materialization fires: every fixed interval, or on a Quartz cron. */
public sealed interface ScheduleSpec {

  /** How the schedule reads in listings, e.g. {@code every 1h} or {@code cron 0 0/5 * * * ?}. */
  String describe();

  /** Fires every {@code interval}, the first time one interval after the scheduler starts. */
  record Interval(Duration interval) implements ScheduleSpec {
    public Interval {
      requireNonNull(interval, "interval is null");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("interval must be positive, got " + interval);
      }
    }

    @Override
    public String describe() {
      return "every " + Durations.format(interval);
    }
  }

  /** Fires on a Quartz cron expression (seconds first, e.g. {@code 0 0/5 * * * ?}), in UTC. */
  record Cron(String expression) implements ScheduleSpec {
    public Cron {
      requireNonNull(expression, "expression is null");
    }

    @Override
    public String describe() {
      return "cron " + expression;
    }
  }
}
