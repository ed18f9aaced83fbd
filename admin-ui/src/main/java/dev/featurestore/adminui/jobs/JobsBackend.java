package dev.featurestore.adminui.jobs;

import java.util.List;

/**
 * What the console needs from the materializer: its scheduled jobs, recent runs, and the operator
 * actions. The materializer module implements it; until then {@link NotConnectedJobsBackend}
 * answers. Implementations are thread-safe and are called from worker threads, never the event
 * loop. The console checks the caller's role before calling an action method.
 */
public interface JobsBackend {

  /** False when no materializer is wired in; the page then says so. */
  boolean connected();

  /** Scheduled jobs, sorted by name. */
  List<JobSummary> jobs();

  /** Most recent runs first, at most {@code limit}. */
  List<JobRun> recentRuns(int limit);

  /** Starts a run of {@code job} now. Idempotent while a run of the job is in progress. */
  JobActionResult trigger(String job, String requestedBy);

  /** Stops scheduling {@code job}; a running run finishes. Idempotent. */
  JobActionResult pause(String job, String requestedBy);

  /** Resumes a paused {@code job}. Idempotent. */
  JobActionResult resume(String job, String requestedBy);
}
