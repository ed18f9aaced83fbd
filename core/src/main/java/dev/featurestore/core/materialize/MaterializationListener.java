package dev.featurestore.core.materialize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Progress of a {@link MaterializationEngine} run, for a CLI, a log or job history. Called on the
 * thread running the materialization, in this order: {@link #skipped} for views left out, {@link
 * #planned} once every view passed validation, then per view {@link #viewStarted}, {@link
 * #rowsWritten} after each batch and {@link #viewFinished} once its interval is recorded.
 * Implementations must be quick and must not throw.
 */
public interface MaterializationListener {

  /** A listener that ignores everything. */
  MaterializationListener NONE = new MaterializationListener() {};

  /** A view was left out (not online, disabled, already materialized up to the end...). */
  default void skipped(String view, String reason) {}

  /** Something worth telling about a view that still runs (e.g. a default start was chosen). */
  default void note(String view, String message) {}

  /**
   * The run is about to write.
   *
   * @param start the common start, empty for an incremental run (each view has its own)
   */
  default void planned(List<ViewWindow> windows, Optional<Instant> start, Instant end) {}

  default void viewStarted(ViewWindow window) {}

  /** After each batch written to the online store; {@code rows} counts the view's rows so far. */
  default void rowsWritten(ViewWindow window, long rows, Duration elapsed) {}

  default void viewFinished(ViewMaterialization result) {}
}
