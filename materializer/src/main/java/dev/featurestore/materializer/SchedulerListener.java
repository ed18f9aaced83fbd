package dev.featurestore.materializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Hears about each scheduled run, e.g. to print it. Called on the Quartz worker thread running the
 * view; implementations must be quick, thread-safe and must not throw.
 */
public interface SchedulerListener {
  SchedulerListener NONE = new SchedulerListener() {};

  /**
   * @param scheduledFireTime when the trigger was due (runs of one fire share it, on any instance)
   * @param attempt 0 for a scheduled or manual run, n for the n-th retry
   */
  default void runStarted(String view, Instant scheduledFireTime, int attempt) {}

  /** @param retryIn when another attempt is scheduled (the run is then RETRYING) */
  default void runFinished(MaterializationRun run, Optional<Duration> retryIn) {}
}
