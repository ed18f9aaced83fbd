package dev.featurestore.onlineserver.serving;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the server's materializations: resolves the views, refuses views already being
 * materialized by this server (unless forced), and runs the work on a thread of its own so a long
 * run never holds a serving thread. Runs execute one at a time: the offline store and the
 * registry writes are not assumed safe for concurrent runs, so a request for other views queues.
 */
public final class MaterializationService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(MaterializationService.class);

  private final Optional<Materializer> materializer;
  private final ExecutorService runs;
  // View name -> runs claiming it; more than one only when a run was forced.
  private final Map<String, Integer> inFlight = new HashMap<>();

  public MaterializationService(Optional<Materializer> materializer) {
    this.materializer = requireNonNull(materializer, "materializer is null");
    this.runs = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "rest-materialize");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** What a request led to. */
  public sealed interface Outcome {
    /** The run was started and the caller waits for it. */
    record Running(List<String> views, CompletableFuture<Materializer.Result> result) implements Outcome {}

    /** The run was queued in the background ({@code ?async=true}). */
    record Accepted(List<String> views) implements Outcome {}

    /** Nothing was started: these views are being materialized already. */
    record Conflict(List<String> views) implements Outcome {}
  }

  public Outcome materialize(List<String> requested, java.time.Instant start, java.time.Instant end,
      boolean async, boolean force) {
    return start(requested, async, force, views -> materializer().materialize(views, start, end));
  }

  public Outcome materializeIncremental(List<String> requested, java.time.Instant end, boolean async,
      boolean force) {
    return start(requested, async, force, views -> materializer().materializeIncremental(views, end));
  }

  private Outcome start(List<String> requested, boolean async, boolean force,
      Function<List<String>, Materializer.Result> work) {
    List<String> views = List.copyOf(materializer().featureViews(List.copyOf(requested)));
    List<String> conflicting = claim(views, force);
    if (!conflicting.isEmpty()) {
      return new Outcome.Conflict(conflicting);
    }
    CompletableFuture<Materializer.Result> result;
    try {
      result = CompletableFuture.supplyAsync(() -> {
        try {
          Materializer.Result done = work.apply(views);
          log.info("materialized {} rows of feature views {}", done.rows(), done.views());
          return done;
        } finally {
          release(views);
        }
      }, runs);
    } catch (RejectedExecutionException e) {
      release(views);
      throw new FeatureStoreException(ErrorCode.OFFLINE_STORE_UNAVAILABLE, "the server is shutting down", e);
    }
    if (async) {
      result.whenComplete((done, error) -> {
        if (error != null) {
          log.error("background materialization of feature views {} failed", views, error);
        }
      });
      return new Outcome.Accepted(views);
    }
    return new Outcome.Running(views, result);
  }

  /** Claims the views unless some are in flight and the run is not forced; returns those. */
  private synchronized List<String> claim(List<String> views, boolean force) {
    List<String> conflicting = new ArrayList<>();
    for (String view : views) {
      if (inFlight.containsKey(view)) {
        conflicting.add(view);
      }
    }
    if (!force && !conflicting.isEmpty()) {
      return conflicting;
    }
    views.forEach(view -> inFlight.merge(view, 1, Integer::sum));
    return List.of();
  }

  private synchronized void release(List<String> views) {
    views.forEach(view -> inFlight.computeIfPresent(view, (name, runs) -> runs == 1 ? null : runs - 1));
  }

  /** The views being materialized right now (queued runs included). */
  public synchronized List<String> inFlight() {
    return List.copyOf(inFlight.keySet());
  }

  private Materializer materializer() {
    return materializer.orElseThrow(() -> new FeatureStoreException(ErrorCode.OFFLINE_STORE_UNAVAILABLE,
        "materialization is not available on this server: it was started without an offline store"
            + " (run `featurestore serve` in a repository whose feature_store.yaml has an offline_store)"));
  }

  /** Stops waiting runs; a run already writing is interrupted only if its stores honour it. */
  @Override
  public void close() {
    runs.shutdownNow();
  }
}
