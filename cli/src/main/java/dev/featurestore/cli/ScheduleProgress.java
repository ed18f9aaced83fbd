package dev.featurestore.cli;

import dev.featurestore.materializer.Durations;
import dev.featurestore.materializer.MaterializationRun;
import dev.featurestore.materializer.SchedulerListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** Prints one line per finished scheduled run, from the scheduler's worker threads. */
final class ScheduleProgress implements SchedulerListener {
  private final PrintWriter out;

  ScheduleProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void runFinished(MaterializationRun run, Optional<Duration> retryIn) {
    print(line(run, retryIn));
  }

  static String line(MaterializationRun run, Optional<Duration> retryIn) {
    double seconds = Duration.between(run.startedAt(), run.finishedAt().orElse(run.startedAt())).toMillis() / 1e3;
    String head = time(run.startedAt()) + " " + run.featureView() + ": ";
    return switch (run.status()) {
      case SUCCEEDED -> head + (run.windowEnd().isEmpty()
          ? "up to date"
          : String.format(Locale.ROOT, "succeeded, %,d rows from %s to %s", run.rowsWritten(),
              time(run.windowStart().orElseThrow()), time(run.windowEnd().get())))
          + String.format(Locale.ROOT, " (%.1f s)", seconds);
      case RETRYING -> head + "failed, retrying in " + Durations.format(retryIn.orElse(Duration.ZERO)) + ": "
          + run.error().orElse("");
      case FAILED -> head + "failed: " + run.error().orElse("");
      case RUNNING -> head + "running";
    };
  }

  void print(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  static String time(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
