package dev.featurestore.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * The measuring loop's own cost: a caller that does nothing, timed the same way (two nanoTime
 * reads and a histogram record per call). What every measured latency includes on top of the call.
 */
record LoopOverhead(double p50Nanos, double p99Nanos, double callsPerSecond) {

  static LoopOverhead measure(ClosedLoopRunner runner) throws Exception {
    Caller noop = new Caller() {
      @Override
      public void call(int i) {}

      @Override
      public void close() {}
    };
    runner.run(List.of(noop), Duration.ofMillis(200), 0); // warm-up
    ClosedLoopRunner.Slice slice = runner.run(List.of(noop), Duration.ofMillis(300), 0);
    return new LoopOverhead(slice.latencies().getValueAtPercentile(50), slice.latencies().getValueAtPercentile(99),
        slice.calls() * 1e9 / slice.elapsedNanos());
  }
}
