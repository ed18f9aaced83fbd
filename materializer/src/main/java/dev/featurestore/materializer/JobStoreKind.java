package dev.featurestore.materializer;

/** Where Quartz keeps the schedule: {@code materializer.job_store}. */
public enum JobStoreKind {
  /** In memory: one materializer process; the schedule restarts with it. */
  RAM,
  /**
   * In PostgreSQL tables ({@code fs_qrtz_*}), clustered: several materializer processes share one
   * schedule and each fire runs on exactly one of them.
   */
  JDBC
}
