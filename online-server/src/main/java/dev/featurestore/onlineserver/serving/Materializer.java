package dev.featurestore.onlineserver.serving;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * Runs materializations for the REST server's {@code /materialize} and {@code
 * /materialize-incremental}. Defined here so the server need not depend on the offline store or
 * the engine: whoever starts the server (the CLI) implements it over its own stores.
 *
 * <p>Calls may come from a server thread while the server serves; an implementation must be safe
 * to call from a thread other than the one that built it. Failures are {@code
 * FeatureStoreException}s (FEATURE_VIEW_NOT_FOUND for an unknown view, INVALID_ARGUMENT...).
 */
public interface Materializer {

  /**
   * The views a run over {@code requested} would materialize: the named ones (in that order), or
   * every enabled online view when {@code requested} is empty. Reads only; fails for an unknown
   * name.
   */
  List<String> featureViews(List<String> requested);

  /** Materializes {@code [start, end]} of the given views (all online views if empty). */
  Result materialize(List<String> views, Instant start, Instant end);

  /** Materializes each view from the end of its last run up to {@code end}. */
  Result materializeIncremental(List<String> views, Instant end);

  /** What a run did: the views it wrote and the rows written in all. */
  record Result(List<String> views, long rows) {
    public Result {
      views = List.copyOf(requireNonNull(views, "views is null"));
    }
  }
}
