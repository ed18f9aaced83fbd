package dev.featurestore.onlineserver.serving;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.onlineserver.metrics.ServingMetrics;
import feast.proto.types.EntityKeyProto.EntityKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code backfill} miss policy: the request is answered NOT_FOUND as usual, and each missed
 * (view, entity) is queued once for a background load from the offline store into the online
 * store, so a later request finds it. The queue holds at most {@code maxPending} distinct entities;
 * a miss beyond that, or for an entity already queued, costs nothing more than a set lookup.
 */
final class BackfillMissHandler implements MissHandler {
  private static final Logger LOG = LoggerFactory.getLogger(BackfillMissHandler.class);

  private final OfflineEntityLoader loader;
  private final OnlineStoreGateway store;
  private final ServingMetrics metrics;
  private final int maxPending;
  private final Set<Pending> pending = ConcurrentHashMap.newKeySet();
  private final AtomicInteger size = new AtomicInteger();
  private final ExecutorService executor;

  BackfillMissHandler(OfflineEntityLoader loader, OnlineStoreGateway store, ServingMetrics metrics, int maxPending,
      int threads) {
    this.loader = requireNonNull(loader, "loader is null");
    this.store = requireNonNull(store, "store is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.maxPending = maxPending;
    this.executor = MissExecutors.pool("miss-backfill", threads, new LinkedBlockingQueue<>());
  }

  @Override
  public List<List<OnlineRow>> onMisses(String project, List<ViewSelection> selections, List<EntityKeys> keys,
      List<List<OnlineRow>> results) {
    for (int s = 0; s < selections.size(); s++) {
      List<OnlineRow> found = results.get(s);
      for (int k = 0; k < found.size(); k++) {
        if (found.get(k) == null) {
          enqueue(new Pending(project, selections.get(s).view().view(), keys.get(s).keys().get(k)));
        }
      }
    }
    return results;
  }

  private void enqueue(Pending item) {
    if (pending.contains(item)) {
      return;
    }
    if (size.incrementAndGet() > maxPending) {
      size.decrementAndGet();
      metrics.recordBackfill(item.view().name(), "dropped");
      return;
    }
    if (!pending.add(item)) {
      size.decrementAndGet();
      return;
    }
    try {
      executor.execute(() -> run(item));
    } catch (RejectedExecutionException e) {
      forget(item);
      metrics.recordBackfill(item.view().name(), "dropped");
    }
  }

  private void run(Pending item) {
    String outcome;
    try {
      Optional<OnlineWriteRow> row = loader.load(item.view(), item.key());
      if (row.isPresent()) {
        store.write(item.project(), item.view().name(), List.of(row.get()));
        outcome = "written";
      } else {
        outcome = "not_found";
      }
    } catch (RuntimeException e) {
      LOG.warn("backfill of a missed entity of feature view '{}' failed: {}", item.view().name(), e.getMessage());
      outcome = "failed";
    } finally {
      forget(item);
    }
    metrics.recordBackfill(item.view().name(), outcome);
  }

  private void forget(Pending item) {
    if (pending.remove(item)) {
      size.decrementAndGet();
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** One queued entity; equal by project, view name and key, whatever snapshot the view came from. */
  private record Pending(String project, FeatureView view, EntityKey key) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Pending p && p.project.equals(project) && p.view.name().equals(view.name())
          && p.key.equals(key);
    }

    @Override
    public int hashCode() {
      return (project.hashCode() * 31 + view.name().hashCode()) * 31 + key.hashCode();
    }
  }
}
