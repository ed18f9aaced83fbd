package dev.featurestore.cli;

import dev.featurestore.core.materialize.MaterializationListener;
import dev.featurestore.core.materialize.ViewMaterialization;
import dev.featurestore.core.materialize.ViewWindow;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Prints a materialization run the way {@code feast materialize} does (times as Python prints an
 * aware datetime, {@code 2024-01-15 12:00:00+00:00}), with row counts and rates in place of
 * Feast's progress bars: a running count on long views, and an estimate of the time left once a
 * run has taken a while.
 */
final class MaterializationProgress implements MaterializationListener {
  private static final DateTimeFormatter PYTHON_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);

  private final PrintWriter out;
  private final String onlineStoreType;
  private final LongSupplier nanoTime;
  private final Duration progressEvery;
  private final Duration etaAfter;
  private long runStarted;
  private long lastProgress;
  private int viewsTotal;
  private int viewsDone;

  MaterializationProgress(PrintWriter out, String onlineStoreType) {
    this(out, onlineStoreType, System::nanoTime, Duration.ofSeconds(5), Duration.ofSeconds(10));
  }

  /**
   * @param progressEvery least time between two running counts of one view
   * @param etaAfter how long a run goes before the time left is estimated
   */
  MaterializationProgress(
      PrintWriter out,
      String onlineStoreType,
      LongSupplier nanoTime,
      Duration progressEvery,
      Duration etaAfter) {
    this.out = out;
    this.onlineStoreType = onlineStoreType;
    this.nanoTime = nanoTime;
    this.progressEvery = progressEvery;
    this.etaAfter = etaAfter;
  }

  static String time(Instant instant) {
    return PYTHON_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  @Override
  public void skipped(String view, String reason) {
    out.println("Skipping " + view + ": " + reason + ".");
    out.flush();
  }

  @Override
  public void note(String view, String message) {
    out.println("Note: " + view + ": " + message + ".");
    out.flush();
  }

  @Override
  public void planned(List<ViewWindow> windows, Optional<Instant> start, Instant end) {
    runStarted = nanoTime.getAsLong();
    viewsTotal = windows.size();
    String range = start.map(s -> " from " + time(s)).orElse("") + " to " + time(end);
    out.println(
        "Materializing " + windows.size() + " feature views" + range + " into the "
            + onlineStoreType + " online store.");
    out.println();
    out.flush();
  }

  @Override
  public void viewStarted(ViewWindow window) {
    lastProgress = nanoTime.getAsLong();
    out.println(window.view() + " from " + time(window.start()) + " to " + time(window.end()) + ":");
    if (window.cutByTtl()) {
      out.println("  rows before " + time(window.pullFrom()) + " are past the view's ttl: not read");
    }
    out.flush();
  }

  @Override
  public void rowsWritten(ViewWindow window, long rows, Duration elapsed) {
    long now = nanoTime.getAsLong();
    if (now - lastProgress < progressEvery.toNanos()) {
      return;
    }
    lastProgress = now;
    out.printf(Locale.ROOT, "  %,d rows written (%,.0f rows/s)%n", rows, rate(rows, elapsed));
    out.flush();
  }

  @Override
  public void viewFinished(ViewMaterialization result) {
    viewsDone++;
    out.printf(
        Locale.ROOT,
        "  %,d rows in %.1f s (%,.0f rows/s)%n",
        result.rows(),
        result.elapsed().toNanos() / 1e9,
        result.rowsPerSecond());
    Duration running = Duration.ofNanos(nanoTime.getAsLong() - runStarted);
    int left = viewsTotal - viewsDone;
    if (left > 0 && running.compareTo(etaAfter) >= 0) {
      long etaSeconds = Math.round(running.toNanos() / 1e9 / viewsDone * left);
      out.printf(
          Locale.ROOT,
          "  ETA: about %d s for the %d feature view%s left%n",
          etaSeconds,
          left,
          left == 1 ? "" : "s");
    }
    out.flush();
  }

  private static double rate(long rows, Duration elapsed) {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : rows / seconds;
  }
}
