package dev.featurestore.core.materialize;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** What materializing one view did: its window, the rows written and how long it took. */
public record ViewMaterialization(ViewWindow window, long rows, Duration elapsed) {
  public ViewMaterialization {
    requireNonNull(window, "window is null");
    requireNonNull(elapsed, "elapsed is null");
  }

  /** Rows written per second of wall time (0 when nothing was written). */
  public double rowsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return rows == 0 || seconds <= 0 ? 0 : rows / seconds;
  }
}
