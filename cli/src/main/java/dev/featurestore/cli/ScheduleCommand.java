package dev.featurestore.cli;

import dev.featurestore.materializer.Durations;
import dev.featurestore.materializer.MaterializationScheduler;
import dev.featurestore.materializer.MaterializerConfig;
import dev.featurestore.materializer.MaterializerConfigParser;
import dev.featurestore.materializer.ScheduledView;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code featurestore schedule}: runs scheduled incremental materialization in the foreground, as
 * the {@code materializer:} section of feature_store.yaml says, printing each run's outcome, until
 * interrupted (Ctrl+C) or for {@code --for} a while. Re-reads the registry every minute so views
 * applied meanwhile join the schedule.
 */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = {
      "Materialize feature views on a schedule (materializer: section of feature_store.yaml;"
          + " hourly by default) until interrupted.",
      "With materializer.job_store: jdbc, several processes share one schedule on PostgreSQL."
    })
final class ScheduleCommand implements Callable<Integer> {
  private static final Duration SYNC_EVERY = Duration.ofMinutes(1);

  @ParentCommand FeatureStoreCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Stop after this long, e.g. 90s, 10m, 2h (default: run until interrupted).")
  Duration runFor;

  @Override
  public Integer call() {
    boolean interrupted = false;
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stopRequested.countDown();
      awaitQuietly(stopped);
    }, "featurestore-schedule-shutdown");
    try (MaterializationSession session =
        MaterializationSession.open(root.repoDir(), spec.commandLine().getErr())) {
      MaterializerConfig config = MaterializerConfigParser.parse(session.config().materializer());
      ScheduleProgress progress = new ScheduleProgress(out);
      MaterializationScheduler scheduler =
          MaterializationSchedulers.create(session, config, new SimpleMeterRegistry(), progress);
      scheduler.start();
      try {
        printSchedule(progress, session, config, scheduler.schedules());
        Runtime.getRuntime().addShutdownHook(hook);
        waitForStop(scheduler, progress, stopRequested);
      } catch (InterruptedException e) {
        interrupted = true; // an interrupt is the in-process Ctrl+C: stop cleanly
      } finally {
        progress.print("Stopping: waiting for running views to finish...");
        scheduler.stop();
      }
    } finally {
      stopped.countDown();
      removeQuietly(hook);
    }
    out.println("Stopped.");
    out.flush();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private void waitForStop(
      MaterializationScheduler scheduler, ScheduleProgress progress, CountDownLatch stopRequested)
      throws InterruptedException {
    Instant deadline = runFor == null ? Instant.MAX : Instant.now().plus(runFor);
    while (true) {
      Duration left = Duration.between(Instant.now(), deadline);
      Duration wait = left.compareTo(SYNC_EVERY) < 0 ? left : SYNC_EVERY;
      if (wait.isNegative() || wait.isZero()
          || stopRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
      if (Instant.now().isBefore(deadline)) {
        try {
          scheduler.sync();
        } catch (RuntimeException e) {
          // The registry may be down for a moment; the schedule already in place keeps running.
          progress.print("Warning: cannot re-read the registry: " + e.getMessage());
        }
      }
    }
  }

  private static void printSchedule(ScheduleProgress progress, MaterializationSession session,
      MaterializerConfig config, List<ScheduledView> views) {
    progress.print("Scheduling " + views.size() + " feature views of project " + session.config().project()
        + " (job store: " + config.jobStore().name().toLowerCase(java.util.Locale.ROOT) + ", history: "
        + (MaterializationSchedulers.historyPersisted(session.config(), config)
            ? "registry database" : "in memory") + ").");
    for (ScheduledView view : views) {
      progress.print("  " + view.view() + ": " + view.trigger()
          + (view.paused() ? " (paused)" : view.nextFireTime()
              .map(next -> ", next " + ScheduleProgress.time(next)).orElse("")));
    }
    progress.print("Press Ctrl+C to stop.");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeQuietly(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting because of this very hook
    }
  }

  /** Reads {@code 90s}, {@code 10m}, {@code 2h}, {@code 1h30m}, {@code PT5M}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      return Durations.parse(text)
          .filter(d -> !d.isZero() && !d.isNegative())
          .orElseThrow(() -> new TypeConversionException(
              "'" + text + "' is not a duration, e.g. 90s, 10m, 2h or 1h30m"));
    }
  }
}
