package dev.featurestore.onlineserver.serving;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.onlineserver.metrics.ServingMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code read_through} miss policy: each missed entity is read from the offline store while the
 * request waits, all of them together under one deadline. What arrives in time is answered as if
 * the online store had held it, and written there in the background; what does not stays
 * NOT_FOUND, and its read is cancelled. A full pool answers NOT_FOUND at once.
 */
final class ReadThroughMissHandler implements MissHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ReadThroughMissHandler.class);

  private final OfflineEntityLoader loader;
  private final OnlineStoreGateway store;
  private final ServingMetrics metrics;
  private final Duration deadline;
  private final ThreadPoolExecutor readers;
  private final ThreadPoolExecutor writers;

  ReadThroughMissHandler(OfflineEntityLoader loader, OnlineStoreGateway store, ServingMetrics metrics,
      Duration deadline, int threads, int maxPending) {
    this.loader = requireNonNull(loader, "loader is null");
    this.store = requireNonNull(store, "store is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.deadline = requireNonNull(deadline, "deadline is null");
    this.readers = MissExecutors.pool("miss-read-through", threads, new ArrayBlockingQueue<>(threads * 16));
    this.writers = MissExecutors.pool("miss-write-back", 1, new ArrayBlockingQueue<>(maxPending));
  }

  @Override
  public List<List<OnlineRow>> onMisses(String project, List<ViewSelection> selections, List<EntityKeys> keys,
      List<List<OnlineRow>> results) {
    long deadlineNanos = System.nanoTime() + deadline.toNanos();
    List<Read> reads = new ArrayList<>();
    for (int s = 0; s < selections.size(); s++) {
      List<OnlineRow> found = results.get(s);
      for (int k = 0; k < found.size(); k++) {
        if (found.get(k) == null) {
          reads.add(start(s, k, selections.get(s).view().view(), keys.get(s)));
        }
      }
    }
    if (reads.isEmpty()) {
      return results;
    }
    List<List<OnlineRow>> answered = new ArrayList<>(results);
    for (Read read : reads) {
      Optional<OnlineWriteRow> row = await(read, deadlineNanos);
      if (row.isPresent()) {
        List<OnlineRow> column = new ArrayList<>(answered.get(read.selection()));
        column.set(read.key(), OfflineEntityLoader.asOnlineRow(row.get(), selections.get(read.selection()).features()));
        answered.set(read.selection(), column);
        writeBack(project, read.view(), row.get());
      }
    }
    return answered;
  }

  private Read start(int selection, int key, FeatureView view, EntityKeys keys) {
    Future<Optional<OnlineWriteRow>> future;
    try {
      future = readers.submit(() -> loader.load(view, keys.keys().get(key)));
    } catch (RejectedExecutionException e) {
      future = null;
    }
    return new Read(selection, key, view, future);
  }

  private Optional<OnlineWriteRow> await(Read read, long deadlineNanos) {
    String view = read.view().name();
    if (read.future() == null) {
      metrics.recordReadThrough(view, "dropped");
      return Optional.empty();
    }
    try {
      Optional<OnlineWriteRow> row =
          read.future().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      metrics.recordReadThrough(view, row.isPresent() ? "found" : "not_found");
      return row;
    } catch (TimeoutException e) {
      read.future().cancel(true);
      metrics.recordReadThrough(view, "timeout");
    } catch (InterruptedException e) {
      read.future().cancel(true);
      Thread.currentThread().interrupt();
      metrics.recordReadThrough(view, "failed");
    } catch (ExecutionException e) {
      LOG.warn("read-through of a missed entity of feature view '{}' failed: {}", view, e.getCause().getMessage());
      metrics.recordReadThrough(view, "failed");
    }
    return Optional.empty();
  }

  private void writeBack(String project, FeatureView view, OnlineWriteRow row) {
    try {
      writers.execute(() -> {
        try {
          store.write(project, view.name(), List.of(row));
        } catch (RuntimeException e) {
          LOG.warn("writing a read-through row of feature view '{}' failed: {}", view.name(), e.getMessage());
        }
      });
    } catch (RejectedExecutionException e) {
      // The answer is already right; the next miss reads through again.
    }
  }

  @Override
  public void close() {
    readers.shutdownNow();
    writers.shutdownNow();
  }

  private record Read(int selection, int key, FeatureView view, Future<Optional<OnlineWriteRow>> future) {}
}
