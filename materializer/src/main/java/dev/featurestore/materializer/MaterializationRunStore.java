package dev.featurestore.materializer;

import java.util.List;
import java.util.Optional;

/**
 * The job history: one record per materialization run of one view. Implementations are
 * thread-safe; failures are {@link dev.featurestore.core.error.FeatureStoreException}s with code
 * {@code REGISTRY_UNAVAILABLE}.
 */
public interface MaterializationRunStore {

  /** Records a run that starts now, in state RUNNING; returns its id. */
  long start(String project, String featureView, java.time.Instant startedAt, String instance);

  /** Records how run {@code id} ended. */
  void finish(long id, RunOutcome outcome);

  /**
   * Runs of {@code project}, newest first (by start, then id), at most {@code limit}; of one view
   * when {@code featureView} is present.
   */
  List<MaterializationRun> history(String project, Optional<String> featureView, int limit);

  /** The newest SUCCEEDED run of the view that recorded a window, if any. */
  Optional<MaterializationRun> lastSuccess(String project, String featureView);
}
