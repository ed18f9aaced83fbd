package dev.featurestore.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Runs closed-loop callers: each thread sends its next request as soon as the previous answer is
 * in, for a fixed time, timing every call with {@link System#nanoTime} into its own histogram (no
 * shared state in the loop). Threads are named {@code bench-caller-*} so their CPU is attributed to
 * the load generator.
 */
final class ClosedLoopRunner implements AutoCloseable {
  static final String THREAD_PREFIX = "bench-caller-";
  private static final long MAX_NANOS = Duration.ofSeconds(30).toNanos();

  private final ExecutorService threads;

  ClosedLoopRunner() {
    AtomicInteger counter = new AtomicInteger();
    // Idle threads live for the whole run: a thread ending mid-slice would take its CPU with it.
    this.threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.HOURS, new SynchronousQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, THREAD_PREFIX + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /** What one slice did. */
  record Slice(Histogram latencies, long calls, long elapsedNanos) {}

  static Histogram histogram() {
    return new Histogram(MAX_NANOS, 3);
  }

  /**
   * Runs every caller on its own thread for {@code duration}; {@code firstRequest} offsets the
   * requests so successive slices do not repeat the same keys.
   */
  Slice run(List<Caller> callers, Duration duration, int firstRequest) throws Exception {
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    List<Future<Histogram>> running = new ArrayList<>();
    for (int c = 0; c < callers.size(); c++) {
      Caller caller = callers.get(c);
      int offset = firstRequest + c * 7;
      running.add(threads.submit(() -> loop(caller, offset, deadline)));
    }
    Histogram merged = histogram();
    try {
      for (Future<Histogram> future : running) {
        merged.add(future.get());
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    return new Slice(merged, merged.getTotalCount(), System.nanoTime() - start);
  }

  /**
   * Runs one thread per element of {@code threads}; each thread calls its callers (one per mode)
   * in turn, request by request, starting at a different one per thread, and times each call into
   * that mode's histogram. Noise from the shared machine then falls on every mode alike, at the
   * scale of single requests rather than of slices.
   *
   * @return per mode (index into each thread's caller list) the merged latencies
   */
  List<Histogram> runInterleaved(List<List<Caller>> threads, Duration duration, int firstRequest) throws Exception {
    long deadline = System.nanoTime() + duration.toNanos();
    List<Future<List<Histogram>>> running = new ArrayList<>();
    for (int t = 0; t < threads.size(); t++) {
      List<Caller> callers = threads.get(t);
      int phase = t;
      running.add(this.threads.submit(() -> interleave(callers, phase, firstRequest + phase * 7, deadline)));
    }
    List<Histogram> merged = new ArrayList<>();
    try {
      for (Future<List<Histogram>> future : running) {
        List<Histogram> perMode = future.get();
        for (int m = 0; m < perMode.size(); m++) {
          if (merged.size() <= m) {
            merged.add(histogram());
          }
          merged.get(m).add(perMode.get(m));
        }
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
    return merged;
  }

  private static List<Histogram> interleave(List<Caller> callers, int phase, int offset, long deadline)
      throws Exception {
    List<Histogram> latencies = new ArrayList<>();
    callers.forEach(caller -> latencies.add(histogram()));
    int modes = callers.size();
    for (int i = 0; ; i++) {
      int mode = (i + phase) % modes;
      long before = System.nanoTime();
      callers.get(mode).call(offset + i / modes);
      long after = System.nanoTime();
      latencies.get(mode).recordValue(Math.min(after - before, MAX_NANOS));
      if (after >= deadline && mode == (phase + modes - 1) % modes) {
        return latencies;
      }
    }
  }

  private static Histogram loop(Caller caller, int offset, long deadline) throws Exception {
    Histogram latencies = histogram();
    for (int i = offset; ; i++) {
      long before = System.nanoTime();
      caller.call(i);
      long after = System.nanoTime();
      latencies.recordValue(Math.min(after - before, MAX_NANOS));
      if (after >= deadline) {
        return latencies;
      }
    }
  }

  @Override
  public void close() {
    threads.shutdownNow();
  }
}
