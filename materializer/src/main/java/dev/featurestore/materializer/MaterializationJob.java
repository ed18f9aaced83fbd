package dev.featurestore.materializer;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of one feature view: one incremental run, then a one-shot retry trigger when the
 * run failed retriably, or, after a success, removal of retries still pending.
 *
 * <p>{@link DisallowConcurrentExecution}: two fires of the same view never overlap, across a
 * cluster too (the JDBC store blocks the view's triggers while one runs); a fire that comes due
 * meanwhile waits. Instances are created by the scheduler's job factory with their runner.
 */
@DisallowConcurrentExecution
final class MaterializationJob implements Job {
  static final String VIEW = "view";
  static final String ATTEMPT = "attempt";
  static final String RETRY_PREFIX = "retry-";
  private static final Logger LOG = LoggerFactory.getLogger(MaterializationJob.class);

  private final ViewRunner runner;

  MaterializationJob(ViewRunner runner) {
    this.runner = requireNonNull(runner, "runner is null");
  }

  @Override
  public void execute(JobExecutionContext context) throws JobExecutionException {
    String view = context.getMergedJobDataMap().getString(VIEW);
    String attemptText = context.getMergedJobDataMap().getString(ATTEMPT);
    int attempt = attemptText == null ? 0 : Integer.parseInt(attemptText);
    Instant fireTime = context.getScheduledFireTime().toInstant();
    ViewRunner.Result result = runner.run(view, fireTime, attempt);
    try {
      if (result.retryIn().isPresent()) {
        scheduleRetry(context.getScheduler(), context.getJobDetail().getKey(), view, attempt + 1,
            result.retryIn().get());
      } else if (result.run().status() == RunStatus.SUCCEEDED) {
        cancelRetries(context.getScheduler(), context.getJobDetail().getKey(), context.getTrigger().getKey());
      }
    } catch (SchedulerException e) {
      LOG.warn("cannot schedule the retries of {}: {}", view, e.getMessage());
    }
  }

  /** A one-shot trigger with a key of its own: the firing trigger's key is deleted once it is done. */
  private static void scheduleRetry(Scheduler scheduler, JobKey job, String view, int attempt, Duration delay)
      throws SchedulerException {
    Trigger retry =
        TriggerBuilder.newTrigger()
            .withIdentity(new TriggerKey(RETRY_PREFIX + view + "-" + UUID.randomUUID(), job.getGroup()))
            .forJob(job)
            .withDescription("retry " + attempt + " of " + view)
            .usingJobData(ATTEMPT, Integer.toString(attempt))
            .startAt(Date.from(Instant.now().plus(delay)))
            .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
            .build();
    scheduler.scheduleJob(retry);
  }

  private static void cancelRetries(Scheduler scheduler, JobKey job, TriggerKey firing)
      throws SchedulerException {
    for (Trigger trigger : scheduler.getTriggersOfJob(job)) {
      TriggerKey key = trigger.getKey();
      if (key.getName().startsWith(RETRY_PREFIX) && !key.equals(firing)) {
        scheduler.unscheduleJob(key);
      }
    }
  }
}
