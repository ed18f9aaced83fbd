package dev.featurestore.cli.console;

import static java.util.Objects.requireNonNull;

import dev.featurestore.adminui.jobs.JobActionResult;
import dev.featurestore.adminui.jobs.JobRun;
import dev.featurestore.adminui.jobs.JobSummary;
import dev.featurestore.adminui.jobs.JobsBackend;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.materializer.MaterializationRun;
import dev.featurestore.materializer.MaterializationScheduler;
import dev.featurestore.materializer.RunStatus;
import dev.featurestore.materializer.ScheduledView;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's jobs page over a {@link MaterializationScheduler} running in this process: one job
 * per scheduled feature view (the job is named after the view), its run history, and trigger,
 * pause and resume. Scheduler failures become a rejected action, never an exception.
 */
public final class SchedulerJobsBackend implements JobsBackend {
  private static final Logger LOG = LoggerFactory.getLogger(SchedulerJobsBackend.class);
  /** How much history {@link #jobs()} reads to find each job's last run and whether it is running. */
  private static final int HISTORY_FOR_STATE = 200;

  private final MaterializationScheduler scheduler;

  public SchedulerJobsBackend(MaterializationScheduler scheduler) {
    this.scheduler = requireNonNull(scheduler, "scheduler is null");
  }

  @Override
  public boolean connected() {
    return true;
  }

  @Override
  public List<JobSummary> jobs() {
    Map<String, MaterializationRun> latest = new HashMap<>();
    for (MaterializationRun run : scheduler.history(Optional.empty(), HISTORY_FOR_STATE)) {
      latest.putIfAbsent(run.featureView(), run); // newest first
    }
    return scheduler.schedules().stream().map(view -> summary(view, Optional.ofNullable(latest.get(view.view()))))
        .toList();
  }

  private static JobSummary summary(ScheduledView view, Optional<MaterializationRun> last) {
    boolean running = last.map(r -> r.status() == RunStatus.RUNNING).orElse(false);
    String state = view.paused() ? "paused" : running ? "running" : "scheduled";
    return new JobSummary(view.view(), view.view(), view.trigger(), state, last.map(MaterializationRun::startedAt),
        view.nextFireTime());
  }

  @Override
  public List<JobRun> recentRuns(int limit) {
    return scheduler.history(Optional.empty(), limit).stream().map(SchedulerJobsBackend::run).toList();
  }

  static JobRun run(MaterializationRun run) {
    String message = run.error().orElseGet(() -> summary(run));
    return new JobRun(Long.toString(run.id()), run.featureView(), run.startedAt(), run.finishedAt(),
        run.status().name().toLowerCase(Locale.ROOT), run.rowsWritten(), message);
  }

  /** "window 10:00 → 11:00, took 1.2 s" for a finished run without error. */
  private static String summary(MaterializationRun run) {
    StringBuilder text = new StringBuilder();
    if (run.windowStart().isPresent() && run.windowEnd().isPresent()) {
      text.append("window ").append(run.windowStart().get()).append(" → ").append(run.windowEnd().get());
    } else if (run.status() == RunStatus.SUCCEEDED) {
      text.append("nothing new to materialize");
    }
    run.finishedAt().ifPresent(end -> text.append(text.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT,
        "took %.1f s", Duration.between(run.startedAt(), end).toMillis() / 1000.0)));
    return text.toString();
  }

  @Override
  public JobActionResult trigger(String job, String requestedBy) {
    Optional<ScheduledView> view = find(job);
    if (view.isEmpty()) {
      return notScheduled(job);
    }
    boolean running = scheduler.history(Optional.of(job), 1).stream().anyMatch(r -> r.status() == RunStatus.RUNNING);
    if (running) {
      return new JobActionResult(JobActionResult.Outcome.ACCEPTED, job + " is already running.");
    }
    return act(job, requestedBy, "trigger", () -> scheduler.triggerNow(job),
        "Triggered a run of " + job + "; it shows under recent runs once a worker picks it up.");
  }

  @Override
  public JobActionResult pause(String job, String requestedBy) {
    if (find(job).isEmpty()) {
      return notScheduled(job);
    }
    return act(job, requestedBy, "pause", () -> scheduler.pause(job), "Paused " + job + ".");
  }

  @Override
  public JobActionResult resume(String job, String requestedBy) {
    if (find(job).isEmpty()) {
      return notScheduled(job);
    }
    return act(job, requestedBy, "resume", () -> scheduler.resume(job), "Resumed " + job + ".");
  }

  private Optional<ScheduledView> find(String job) {
    return scheduler.schedules().stream().filter(v -> v.view().equals(job)).findFirst();
  }

  private static JobActionResult act(String job, String requestedBy, String action, Runnable call, String done) {
    try {
      call.run();
      LOG.info("console user {} asked to {} materialization of {}", requestedBy, action, job);
      return new JobActionResult(JobActionResult.Outcome.ACCEPTED, done);
    } catch (FeatureStoreException e) {
      return new JobActionResult(JobActionResult.Outcome.REJECTED, "Cannot " + action + " " + job + ": " + e.getMessage());
    }
  }

  private static JobActionResult notScheduled(String job) {
    return new JobActionResult(JobActionResult.Outcome.REJECTED,
        job + " is not scheduled: only online, enabled feature views are.");
  }
}
