package dev.featurestore.onlineserver.serving;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCategory;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.online.ViewRead;
import dev.featurestore.onlineserver.metrics.ServingMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the blocking {@link OnlineStore} calls on a bounded pool of their own, each under a
 * deadline: a store that hangs or is down costs a request at most the deadline, and the answer is
 * ONLINE_STORE_UNAVAILABLE. A full pool is refused at once rather than queued without bound.
 * Nothing is remembered as broken beyond the last call's outcome, so the next successful call
 * heals {@link #healthy()}.
 *
 * <p>Thread-safe. {@link #close} stops the pool; it does not close the store (its owner does).
 */
public final class OnlineStoreGateway implements AutoCloseable {
  /** How long a failed call keeps the server reported as degraded without newer evidence. */
  static final Duration FAILURE_MEMORY = Duration.ofSeconds(10);

  private final OnlineStore store;
  private final Duration readDeadline;
  private final Duration writeDeadline;
  private final ServingMetrics metrics;
  private final ThreadPoolExecutor executor;
  private volatile long lastFailureNanos;
  private volatile boolean lastCallFailed;

  public OnlineStoreGateway(OnlineStore store, Duration readDeadline, Duration writeDeadline, int threads,
      ServingMetrics metrics) {
    this.store = requireNonNull(store, "store is null");
    this.readDeadline = requireNonNull(readDeadline, "readDeadline is null");
    this.writeDeadline = requireNonNull(writeDeadline, "writeDeadline is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
    AtomicInteger counter = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(threads * 16), runnable -> {
          Thread thread = new Thread(runnable, "online-store-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    executor.allowCoreThreadTimeOut(true);
  }

  /** {@link OnlineStore#read} under the read deadline. */
  public List<List<OnlineRow>> read(String project, List<ViewRead> reads) {
    return call("read", readDeadline, () -> store.read(project, reads));
  }

  /** {@link OnlineStore#write} under the write deadline. */
  public void write(String project, String view, List<OnlineWriteRow> rows) {
    call("write", writeDeadline, () -> {
      store.write(project, view, rows);
      return null;
    });
  }

  /** Whether the store answers its health check and the last call did not fail recently. */
  public boolean healthy() {
    boolean recentFailure = lastCallFailed && System.nanoTime() - lastFailureNanos < FAILURE_MEMORY.toNanos();
    return !recentFailure && store.isHealthy();
  }

  private <T> T call(String operation, Duration deadline, Callable<T> work) {
    long start = System.nanoTime();
    Future<T> future;
    try {
      future = executor.submit(work);
    } catch (RejectedExecutionException e) {
      failed(operation, start);
      throw unavailable("the online store is overloaded: too many calls in flight", e);
    }
    try {
      T result = future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
      lastCallFailed = false;
      metrics.recordStoreCall(operation, true, System.nanoTime() - start);
      return result;
    } catch (TimeoutException e) {
      future.cancel(true);
      failed(operation, start);
      throw unavailable("the online store is unavailable: no answer within " + deadline.toMillis() + " ms", e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while waiting for the online store", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof FeatureStoreException fse) {
        if (fse.code().category() == ErrorCategory.UNAVAILABLE) {
          failed(operation, start);
          throw unavailable("the online store is unavailable: " + fse.getMessage(), fse);
        }
        metrics.recordStoreCall(operation, false, System.nanoTime() - start);
        throw fse;
      }
      failed(operation, start);
      throw new FeatureStoreException(ErrorCode.INTERNAL, "online store " + operation + " failed", cause);
    }
  }

  private void failed(String operation, long start) {
    lastFailureNanos = System.nanoTime();
    lastCallFailed = true;
    metrics.recordStoreCall(operation, false, System.nanoTime() - start);
  }

  private static FeatureStoreException unavailable(String message, Throwable cause) {
    return new FeatureStoreException(ErrorCode.ONLINE_STORE_UNAVAILABLE, message, cause);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
