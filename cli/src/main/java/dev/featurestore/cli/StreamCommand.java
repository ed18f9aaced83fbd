package dev.featurestore.cli;

import dev.featurestore.materializer.stream.StreamEngine;
import dev.featurestore.materializer.stream.StreamStatus;
import dev.featurestore.materializer.stream.StreamingConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code featurestore stream}: runs the project's streams (PostgreSQL CDC, Kafka) in the
 * foreground, printing a line per stream every {@code --report-every}, until interrupted.
 */
@Command(
    name = "stream",
    mixinStandardHelpOptions = true,
    description = {
      "Follow the project's stream sources (PostgresCdcSource, KafkaSource) and keep the online"
          + " store within seconds of them, until interrupted.",
      "Configured in the materializer.streaming section of feature_store.yaml; checkpoints live in"
          + " its state_dir, so a restart resumes where the last run stopped."
    })
final class StreamCommand implements Callable<Integer> {
  @ParentCommand FeatureStoreCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--for", paramLabel = "DURATION", converter = ScheduleCommand.DurationConverter.class,
      description = "Stop after this long, e.g. 90s, 10m (default: run until interrupted).")
  Duration runFor;

  @Option(names = "--report-every", paramLabel = "DURATION", converter = ScheduleCommand.DurationConverter.class,
      defaultValue = "10s", description = "How often to print each stream's figures (default: 10s).")
  Duration reportEvery;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stopRequested = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stopRequested.countDown();
      try {
        stopped.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "featurestore-stream-shutdown");
    try (MaterializationSession session = MaterializationSession.open(root.repoDir(), spec.commandLine().getErr())) {
      StreamingConfig config = StreamEngines.config(session);
      try (StreamEngine engine = StreamEngines.create(session, config, new SimpleMeterRegistry())) {
        if (engine.isEmpty()) {
          out.println("No online feature view of project " + session.config().project()
              + " reads a PostgresCdcSource or KafkaSource: nothing to stream.");
          return 0;
        }
        engine.start();
        out.println("Streaming " + String.join(", ", engine.streamNames()) + " (checkpoints in "
            + config.stateDir() + "). Press Ctrl+C to stop.");
        out.flush();
        Runtime.getRuntime().addShutdownHook(hook);
        Instant deadline = runFor == null ? Instant.MAX : Instant.now().plus(runFor);
        try {
          while (true) {
            Duration left = Duration.between(Instant.now(), deadline);
            Duration wait = left.compareTo(reportEvery) < 0 ? left : reportEvery;
            if (wait.isNegative() || wait.isZero() || stopRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
              break;
            }
            engine.status().forEach(status -> out.println(describe(status)));
            out.flush();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt(); // the in-process Ctrl+C: stop cleanly
        }
        out.println("Stopping: finishing the batch in progress...");
        out.flush();
      }
    } finally {
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // exiting because of the hook, or it was never added
      }
    }
    out.println("Stopped.");
    out.flush();
    return 0;
  }

  static String describe(StreamStatus status) {
    return String.format(Locale.ROOT, "  %s (%s): %s, %,d applied, %,d bad, %,d late, %.1f/s, lag p50 %s p99 %s%s",
        status.name(), status.kind(), status.running() ? "running" : "NOT RUNNING",
        status.eventsWith("applied"), status.eventsWith("bad"), status.eventsWith("late"),
        status.eventsPerSecond(),
        status.lagP50().map(StreamCommand::millis).orElse("-"),
        status.lagP99().map(StreamCommand::millis).orElse("-"),
        status.lastError().map(e -> ", last error: " + e).orElse(""));
  }

  private static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.0f ms", duration.toNanos() / 1e6);
  }
}
