package dev.featurestore.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Everything measured for one mode of one scenario.
 *
 * @param latencies the latencies reported (of the interleaved run where the scenario has one,
 *     else of the slices)
 * @param sliceCalls calls made in the mode's own slices, which throughput and CPU are divided by
 * @param elapsedNanos time of the mode's own slices
 * @param usage CPU nanoseconds spent during the slices by {@link CpuMeter} group, and bytes
 *     allocated under {@link CpuMeter#ALLOCATED} keys
 */
record ModeResult(Mode mode, Histogram latencies, long sliceCalls, long elapsedNanos, Map<String, Long> usage) {

  static ModeResult empty(Mode mode) {
    return new ModeResult(mode, ClosedLoopRunner.histogram(), 0, 0, new LinkedHashMap<>());
  }

  ModeResult plus(ClosedLoopRunner.Slice slice, Map<String, Long> used) {
    Histogram merged = latencies.copy();
    merged.add(slice.latencies());
    Map<String, Long> sum = new LinkedHashMap<>(usage);
    used.forEach((group, amount) -> sum.merge(group, amount, Long::sum));
    return new ModeResult(mode, merged, sliceCalls + slice.calls(), elapsedNanos + slice.elapsedNanos(), sum);
  }

  ModeResult withLatencies(Histogram interleaved) {
    return new ModeResult(mode, interleaved, sliceCalls, elapsedNanos, usage);
  }

  long calls() {
    return latencies.getTotalCount();
  }

  double throughput() {
    return elapsedNanos == 0 ? 0 : sliceCalls * 1e9 / elapsedNanos;
  }

  /** The latency at a percentile, in microseconds. */
  double micros(double percentile) {
    return latencies.getValueAtPercentile(percentile) / 1000.0;
  }

  /** Per call of the slices, CPU microseconds of a group (or bytes, for an allocation key). */
  double cpuMicrosPerCall(String group) {
    return sliceCalls == 0 ? 0 : usage.getOrDefault(group, 0L) / 1000.0 / sliceCalls;
  }

  /** Kilobytes allocated per call by the threads of groups starting with {@code prefix}. */
  double allocatedKbPerCall(String prefix) {
    long bytes = 0;
    for (Map.Entry<String, Long> entry : usage.entrySet()) {
      if (entry.getKey().startsWith(CpuMeter.ALLOCATED + prefix)) {
        bytes += entry.getValue();
      }
    }
    return sliceCalls == 0 ? 0 : bytes / 1024.0 / sliceCalls;
  }
}
