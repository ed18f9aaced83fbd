package dev.featurestore.materializer;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled incremental materialization of one project's feature views with Quartz: one job per
 * view, each fire running {@code materializeIncremental(project, now, [view])}, with retries, job
 * history and metrics. The API the CLI, the console and the server use.
 *
 * <p>Which views: every online, enabled feature view of the registry gets {@code
 * materializer.default}'s schedule unless {@code materializer.views} gives it its own (or {@code
 * enabled: false}). {@link #sync()} reconciles the schedule with the registry; {@link #start()}
 * calls it. Misfire handling is described on {@link QuartzTriggers}.
 *
 * <p>With the JDBC job store, the schedule, pause states and pending retries live in PostgreSQL and
 * are shared by every instance; each fire runs on exactly one of them. Thread-safe. The stores in
 * {@link MaterializationBackEnds} stay the caller's: close them after {@link #stop()}.
 */
public final class MaterializationScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(MaterializationScheduler.class);

  private final String project;
  private final MaterializerConfig config;
  private final MaterializationBackEnds backEnds;
  private final MaterializationRunStore runs;
  private final Optional<JobStoreDatabase> jobStoreDatabase;
  private final MaterializationMetrics metrics;
  private final Clock clock;
  private final String instanceId;
  private final ViewRunner runner;
  private Scheduler scheduler;

  /**
   * @param jobStoreDatabase where the JDBC job store lives; required when {@code job_store: jdbc}
   * @param meters where the materialization meters are registered
   * @param listener hears about every run this instance makes
   */
  public MaterializationScheduler(
      String project,
      MaterializerConfig config,
      MaterializationBackEnds backEnds,
      MaterializationRunStore runs,
      Optional<JobStoreDatabase> jobStoreDatabase,
      MeterRegistry meters,
      Clock clock,
      SchedulerListener listener) {
    this.project = requireNonNull(project, "project is null");
    this.config = requireNonNull(config, "config is null");
    this.backEnds = requireNonNull(backEnds, "backEnds is null");
    this.runs = requireNonNull(runs, "runs is null");
    this.jobStoreDatabase = requireNonNull(jobStoreDatabase, "jobStoreDatabase is null");
    this.clock = requireNonNull(clock, "clock is null");
    if (config.jobStore() == JobStoreKind.JDBC && jobStoreDatabase.isEmpty()) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG,
          "feature_store.yaml: materializer.job_store: jdbc needs a PostgreSQL database: set"
              + " materializer.job_store_url or use a PostgreSQL registry");
    }
    this.metrics = new MaterializationMetrics(requireNonNull(meters, "meters is null"), clock);
    this.instanceId = QuartzSchedulers.newInstanceId();
    this.runner = new ViewRunner(project, backEnds, runs, metrics, config.retries(),
        requireNonNull(listener, "listener is null"), clock, instanceId);
  }

  /** This instance's id, as written in the history's {@code instance} column. */
  public String instanceId() {
    return instanceId;
  }

  /**
   * Creates the job store's tables if needed, schedules the views and starts firing. Idempotent.
   *
   * @throws FeatureStoreException REGISTRY_UNAVAILABLE when the job store database is unreachable
   */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    if (config.jobStore() == JobStoreKind.JDBC) {
      QuartzTables.ensure(jobStoreDatabase.orElseThrow());
    }
    Scheduler created =
        QuartzSchedulers.create(config.jobStore(), jobStoreDatabase, config.threads(), instanceId);
    try {
      created.setJobFactory((bundle, ignored) -> new MaterializationJob(runner));
      scheduler = created;
      sync();
      created.start();
    } catch (SchedulerException | RuntimeException e) {
      scheduler = null;
      shutdownQuietly(created);
      throw e instanceof FeatureStoreException fse ? fse : quartzFailure("start the scheduler", e);
    }
  }

  /** Stops firing and waits for running views to finish. Idempotent; the stores stay open. */
  public synchronized void stop() {
    if (scheduler != null) {
      shutdownQuietly(scheduler);
      scheduler = null;
    }
  }

  /**
   * Reconciles the schedule with the registry and the configuration: schedules views that are new,
   * reschedules views whose schedule changed, and removes views deleted or disabled. A view whose
   * schedule is unchanged keeps its next fire time and pause state.
   *
   * @return the views now scheduled, sorted
   */
  public synchronized List<String> sync() {
    Scheduler quartz = running();
    Map<String, Optional<Instant>> online = RegistryViews.online(backEnds.registry().read(project));
    Map<String, ViewSchedule> wanted = new LinkedHashMap<>();
    online.keySet().forEach(view -> {
      ViewSchedule schedule = config.scheduleOf(view);
      if (schedule.enabled()) {
        wanted.put(view, schedule);
      }
    });
    config.views().forEach((view, schedule) -> {
      if (schedule.enabled() && !online.containsKey(view)) {
        LOG.warn("materializer.views.{} is not an online, enabled feature view of project {}; not scheduled",
            view, project);
      }
    });
    try {
      for (Map.Entry<String, ViewSchedule> entry : wanted.entrySet()) {
        ensureScheduled(quartz, entry.getKey(), entry.getValue().spec());
        registerMetrics(entry.getKey(), online.get(entry.getKey()));
      }
      for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(project))) {
        if (!wanted.containsKey(key.getName())) {
          quartz.deleteJob(key);
        }
      }
    } catch (SchedulerException e) {
      throw quartzFailure("update the schedule", e);
    }
    return List.copyOf(wanted.keySet());
  }

  /** The scheduled views, by name. */
  public synchronized List<ScheduledView> schedules() {
    Scheduler quartz = running();
    List<ScheduledView> views = new ArrayList<>();
    try {
      for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(project))) {
        Trigger trigger = quartz.getTrigger(QuartzTriggers.triggerKey(project, key.getName()));
        if (trigger == null) {
          continue;
        }
        boolean paused = quartz.getTriggerState(trigger.getKey()) == Trigger.TriggerState.PAUSED;
        Optional<Instant> next =
            paused ? Optional.empty() : Optional.ofNullable(trigger.getNextFireTime()).map(Date::toInstant);
        views.add(new ScheduledView(key.getName(), trigger.getDescription(), next, paused));
      }
    } catch (SchedulerException e) {
      throw quartzFailure("read the schedule", e);
    }
    views.sort(Comparator.comparing(ScheduledView::view));
    return views;
  }

  /**
   * Runs the view as soon as a worker is free (after its current run, if one is going on), on
   * whichever instance picks it up. Pause does not hold it back.
   *
   * @throws FeatureStoreException FEATURE_VIEW_NOT_FOUND when the view is not scheduled
   */
  public synchronized void triggerNow(String view) {
    try {
      running().triggerJob(scheduledJob(view));
    } catch (SchedulerException e) {
      throw quartzFailure("trigger " + view, e);
    }
  }

  /** Stops the view's fires (and pending retries) until {@link #resume}, on every instance. */
  public synchronized void pause(String view) {
    try {
      running().pauseJob(scheduledJob(view));
    } catch (SchedulerException e) {
      throw quartzFailure("pause " + view, e);
    }
  }

  /** Resumes a paused view; fires missed meanwhile collapse into one run now. */
  public synchronized void resume(String view) {
    try {
      running().resumeJob(scheduledJob(view));
    } catch (SchedulerException e) {
      throw quartzFailure("resume " + view, e);
    }
  }

  /** The project's runs, newest first, at most {@code limit}; of one view if given. */
  public List<MaterializationRun> history(Optional<String> view, int limit) {
    return runs.history(project, requireNonNull(view, "view is null"), limit);
  }

  private void ensureScheduled(Scheduler quartz, String view, ScheduleSpec spec) throws SchedulerException {
    TriggerKey key = QuartzTriggers.triggerKey(project, view);
    Trigger existing = quartz.getTrigger(key);
    if (existing != null && spec.describe().equals(existing.getDescription())) {
      return;
    }
    Trigger trigger = QuartzTriggers.trigger(project, view, spec, clock.instant());
    try {
      quartz.addJob(QuartzTriggers.job(project, view), false);
    } catch (ObjectAlreadyExistsException alreadyThere) {
      // stored by another instance of the cluster, or by a run before a restart
    }
    if (existing == null) {
      try {
        quartz.scheduleJob(trigger);
      } catch (ObjectAlreadyExistsException alreadyThere) {
        // another instance scheduled it meanwhile; its trigger is as good as ours
      }
    } else {
      boolean paused = quartz.getTriggerState(key) == Trigger.TriggerState.PAUSED;
      quartz.rescheduleJob(key, trigger);
      if (paused) {
        quartz.pauseTrigger(key);
      }
    }
  }

  private void registerMetrics(String view, Optional<Instant> newestEnd) {
    Instant lastSuccess = null;
    if (!metrics.knows(view)) {
      try {
        lastSuccess = runs.lastSuccess(project, view).flatMap(MaterializationRun::finishedAt).orElse(null);
      } catch (RuntimeException e) {
        LOG.warn("cannot read the history of {}: {}", view, e.getMessage());
      }
    }
    metrics.register(view, newestEnd.orElse(null), lastSuccess);
  }

  private JobKey scheduledJob(String view) throws SchedulerException {
    JobKey key = QuartzTriggers.jobKey(project, requireNonNull(view, "view is null"));
    if (!running().checkExists(key)) {
      throw new FeatureStoreException(
          ErrorCode.FEATURE_VIEW_NOT_FOUND,
          "feature view " + view + " is not scheduled in project " + project);
    }
    return key;
  }

  private Scheduler running() {
    if (scheduler == null) {
      throw new IllegalStateException("the scheduler is not started");
    }
    return scheduler;
  }

  private static void shutdownQuietly(Scheduler quartz) {
    try {
      quartz.shutdown(true);
    } catch (SchedulerException e) {
      LOG.warn("stopping the Quartz scheduler failed: {}", e.getMessage());
    }
  }

  private static FeatureStoreException quartzFailure(String what, Exception e) {
    return new FeatureStoreException(
        ErrorCode.REGISTRY_UNAVAILABLE, "cannot " + what + ": " + e.getMessage(), e);
  }
}
