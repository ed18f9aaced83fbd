package dev.featurestore.materializer;

import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Names and builds the Quartz objects of a view: job {@code <view>} and trigger {@code
 * schedule-<view>}, both in the project's group.
 *
 * <p>Misfires (fires missed while every instance was down or busy) collapse into one run as soon
 * as possible: {@code withMisfireHandlingInstructionNowWithExistingCount} for intervals, {@code
 * withMisfireHandlingInstructionFireAndProceed} for cron. One incremental run covers the whole gap,
 * so running missed fires one by one would only repeat work, and skipping to the next cron slot
 * would leave data stale meanwhile.
 */
final class QuartzTriggers {
  static final String SCHEDULE_PREFIX = "schedule-";

  private QuartzTriggers() {}

  static JobKey jobKey(String project, String view) {
    return new JobKey(view, project);
  }

  static TriggerKey triggerKey(String project, String view) {
    return new TriggerKey(SCHEDULE_PREFIX + view, project);
  }

  static JobDetail job(String project, String view) {
    return JobBuilder.newJob(MaterializationJob.class)
        .withIdentity(jobKey(project, view))
        .withDescription("incremental materialization of " + view)
        .usingJobData(MaterializationJob.VIEW, view)
        .storeDurably()
        // In a cluster, a run cut short by a dead instance is run again by another one.
        .requestRecovery(true)
        .build();
  }

  /** The view's trigger; its description is the schedule in words, which tells when it changed. */
  static Trigger trigger(String project, String view, ScheduleSpec spec, Instant start) {
    return TriggerBuilder.newTrigger()
        .withIdentity(triggerKey(project, view))
        .forJob(jobKey(project, view))
        .withDescription(spec.describe())
        .startAt(Date.from(start))
        .withSchedule(schedule(spec))
        .build();
  }

  private static ScheduleBuilder<? extends Trigger> schedule(ScheduleSpec spec) {
    if (spec instanceof ScheduleSpec.Interval interval) {
      return SimpleScheduleBuilder.simpleSchedule()
          .withIntervalInMilliseconds(interval.interval().toMillis())
          .repeatForever()
          .withMisfireHandlingInstructionNowWithExistingCount();
    }
    ScheduleSpec.Cron cron = (ScheduleSpec.Cron) spec;
    return CronScheduleBuilder.cronSchedule(cron.expression())
        .inTimeZone(TimeZone.getTimeZone("UTC"))
        .withMisfireHandlingInstructionFireAndProceed();
  }
}
