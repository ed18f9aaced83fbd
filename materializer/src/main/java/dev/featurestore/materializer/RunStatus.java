package dev.featurestore.materializer;

/** The state of one materialization run, as stored in {@code fs_materialization_runs.status}. */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  /** Failed for good: not retriable, or out of retries. */
  FAILED,
  /** Failed, and another attempt is scheduled. */
  RETRYING
}
