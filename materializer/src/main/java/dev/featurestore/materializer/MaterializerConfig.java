package dev.featurestore.materializer;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code materializer:} section of feature_store.yaml, parsed by {@link
 * MaterializerConfigParser}; docs/MATERIALIZATION.md describes each key.
 *
 * @param defaultSchedule applies to every online, enabled feature view without its own entry
 * @param views per-view schedules by feature view name; they replace the default
 * @param jobStoreUrl {@code job_store_url} as written (an SQLAlchemy-style {@code postgresql://}
 *     URL); empty means the registry database. Resolving it is the caller's job.
 * @param history whether each run is recorded in {@code fs_materialization_runs}
 * @param threads how many views may materialize at the same time in this process
 */
public record MaterializerConfig(
    ViewSchedule defaultSchedule,
    Map<String, ViewSchedule> views,
    RetryPolicy retries,
    JobStoreKind jobStore,
    Optional<String> jobStoreUrl,
    boolean history,
    int threads) {

  public static final ViewSchedule DEFAULT_SCHEDULE =
      new ViewSchedule(new ScheduleSpec.Interval(Duration.ofHours(1)), true);
  public static final int DEFAULT_THREADS = 4;

  public MaterializerConfig {
    requireNonNull(defaultSchedule, "defaultSchedule is null");
    views = Map.copyOf(views);
    requireNonNull(retries, "retries is null");
    requireNonNull(jobStore, "jobStore is null");
    requireNonNull(jobStoreUrl, "jobStoreUrl is null");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive, got " + threads);
    }
  }

  /** What an absent or empty {@code materializer:} section means: hourly, in memory, with history. */
  public static MaterializerConfig defaults() {
    return new MaterializerConfig(
        DEFAULT_SCHEDULE, Map.of(), RetryPolicy.DEFAULT, JobStoreKind.RAM, Optional.empty(), true,
        DEFAULT_THREADS);
  }

  /** The schedule of {@code view}: its own entry, else the default. */
  public ViewSchedule scheduleOf(String view) {
    return views.getOrDefault(view, defaultSchedule);
  }
}
