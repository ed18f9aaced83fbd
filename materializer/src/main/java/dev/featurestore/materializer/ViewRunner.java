package dev.featurestore.materializer;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.materialize.MaterializationEngine;
import dev.featurestore.core.materialize.MaterializationListener;
import dev.featurestore.core.materialize.ViewMaterialization;
import dev.featurestore.core.materialize.ViewWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one view's incremental materialization up to now and accounts for it: a history row
 * (RUNNING, then SUCCEEDED, RETRYING or FAILED), the meters, the listener, and whether to retry.
 * Knows nothing of Quartz. Thread-safe: each run gets its own engine (engines are single-run),
 * over the shared, thread-safe stores.
 *
 * <p>History is best effort: if the history table cannot be written the run still happens, and
 * the problem is logged.
 */
final class ViewRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ViewRunner.class);

  private final String project;
  private final MaterializationBackEnds backEnds;
  private final MaterializationRunStore runs;
  private final MaterializationMetrics metrics;
  private final RetryPolicy retries;
  private final SchedulerListener listener;
  private final Clock clock;
  private final String instance;

  ViewRunner(
      String project,
      MaterializationBackEnds backEnds,
      MaterializationRunStore runs,
      MaterializationMetrics metrics,
      RetryPolicy retries,
      SchedulerListener listener,
      Clock clock,
      String instance) {
    this.project = requireNonNull(project, "project is null");
    this.backEnds = requireNonNull(backEnds, "backEnds is null");
    this.runs = requireNonNull(runs, "runs is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.retries = requireNonNull(retries, "retries is null");
    this.listener = requireNonNull(listener, "listener is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.instance = requireNonNull(instance, "instance is null");
  }

  /** The run's final record, and the delay before the next attempt when one is due. */
  record Result(MaterializationRun run, Optional<Duration> retryIn) {}

  Result run(String view, Instant scheduledFireTime, int attempt) {
    listener.runStarted(view, scheduledFireTime, attempt);
    Instant startedAt = clock.instant();
    long id = recordStart(view, startedAt);
    long startedNanos = System.nanoTime();
    Progress progress = new Progress(view);
    RunOutcome outcome;
    Optional<Duration> retryIn = Optional.empty();
    try {
      engine(progress).materializeIncremental(project, clock.instant(), List.of(view));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
      Instant finishedAt = clock.instant();
      metrics.succeeded(view, progress.rows, elapsed, progress.end(), finishedAt);
      outcome = new RunOutcome(finishedAt, progress.start(), Optional.ofNullable(progress.end()),
          progress.rows, RunStatus.SUCCEEDED, Optional.empty());
    } catch (RuntimeException e) {
      metrics.failed(view, progress.rows, Duration.ofNanos(System.nanoTime() - startedNanos));
      boolean again = retries.shouldRetry(e, attempt);
      retryIn = again ? Optional.of(retries.delay(attempt + 1)) : Optional.empty();
      LOG.warn("attempt {} of {} failed{}: {}", attempt + 1, view,
          again ? ", retrying in " + Durations.format(retryIn.get()) : " for good", e.getMessage());
      outcome = new RunOutcome(clock.instant(), progress.start(), Optional.ofNullable(progress.end()),
          progress.rows, again ? RunStatus.RETRYING : RunStatus.FAILED, Optional.of(message(e)));
    }
    recordFinish(id, outcome);
    MaterializationRun run = new MaterializationRun(id, project, view, startedAt,
        Optional.of(outcome.finishedAt()), outcome.windowStart(), outcome.windowEnd(),
        outcome.rowsWritten(), outcome.status(), outcome.error(), instance);
    listener.runFinished(run, retryIn);
    return new Result(run, retryIn);
  }

  private MaterializationEngine engine(MaterializationListener progress) {
    return new MaterializationEngine(backEnds.onlineStore(), backEnds.offlineStore(),
        backEnds.registry(), clock, progress, backEnds.batchSize());
  }

  private long recordStart(String view, Instant startedAt) {
    try {
      return runs.start(project, view, startedAt, instance);
    } catch (RuntimeException e) {
      LOG.warn("the run of {} is not recorded in the history: {}", view, e.getMessage());
      return -1;
    }
  }

  private void recordFinish(long id, RunOutcome outcome) {
    if (id < 0) {
      return;
    }
    try {
      runs.finish(id, outcome);
    } catch (RuntimeException e) {
      LOG.warn("the end of run {} is not recorded in the history: {}", id, e.getMessage());
    }
  }

  private static String message(RuntimeException e) {
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** Collects the view's window and rows from the engine's callbacks. */
  private static final class Progress implements MaterializationListener {
    private final String view;
    private ViewWindow window;
    private long rows;

    Progress(String view) {
      this.view = view;
    }

    @Override
    public void planned(List<ViewWindow> windows, Optional<Instant> start, Instant end) {
      windows.stream().filter(w -> w.view().equals(view)).findFirst().ifPresent(w -> window = w);
    }

    @Override
    public void rowsWritten(ViewWindow window, long rows, Duration elapsed) {
      this.rows = rows;
    }

    @Override
    public void viewFinished(ViewMaterialization result) {
      rows = result.rows();
    }

    Optional<Instant> start() {
      return window == null ? Optional.empty() : Optional.of(window.start());
    }

    Instant end() {
      return window == null ? null : window.end();
    }
  }
}
