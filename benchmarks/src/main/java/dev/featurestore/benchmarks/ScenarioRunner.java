package dev.featurestore.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one scenario: opens {@code callers} connections per mode, warms every mode up, then runs
 * {@code rounds} rounds in which each mode gets one slice, the order rotating from round to round
 * (throughput, CPU and allocation per call come from these), then optionally one run alternating
 * the modes request by request (latencies come from it), so a noisy moment on the shared machine
 * lands on every mode rather than on one.
 */
final class ScenarioRunner {
  private final ClosedLoopRunner runner;
  private final CpuMeter cpu;
  private final LoadOptions options;
  private int nextRequest;

  ScenarioRunner(ClosedLoopRunner runner, CpuMeter cpu, LoadOptions options) {
    this.runner = runner;
    this.cpu = cpu;
    this.options = options;
  }

  /**
   * Runs every mode on every request set with two callers, unmeasured, so the JIT has compiled
   * every path (REST's included) before the first scenario rather than during it.
   */
  void warmUp(List<RequestSet> sets, Endpoints endpoints) throws Exception {
    for (RequestSet requests : sets) {
      LoadGenerator.log("warm-up %s", requests.label());
      for (Mode mode : endpoints.modes()) {
        Caller.Factory factory = endpoints.factory(mode, requests);
        List<Caller> callers = List.of(factory.open(), factory.open());
        try {
          slice(callers, options.warmup().multipliedBy(2));
        } finally {
          callers.forEach(Caller::close);
        }
      }
    }
  }

  /**
   * @param interleave whether latencies come from a run alternating modes request by request
   *     (else from the slices, as for the saturation scenario)
   */
  ScenarioResult run(String name, RequestSet requests, int callers, List<Mode> modes, boolean interleave,
      Endpoints endpoints) throws Exception {
    LoadGenerator.log("scenario %s: %s", name, modes);
    Map<Mode, List<Caller>> open = new EnumMap<>(Mode.class);
    try {
      for (Mode mode : modes) {
        List<Caller> list = new ArrayList<>();
        open.put(mode, list);
        Caller.Factory factory = endpoints.factory(mode, requests);
        for (int c = 0; c < callers; c++) {
          list.add(factory.open());
        }
      }
      for (Mode mode : modes) {
        slice(open.get(mode), options.warmup());
      }
      Map<Mode, ModeResult> results = new EnumMap<>(Mode.class);
      modes.forEach(mode -> results.put(mode, ModeResult.empty(mode)));
      for (int round = 0; round < options.rounds(); round++) {
        for (int m = 0; m < modes.size(); m++) {
          Mode mode = modes.get((m + round) % modes.size());
          CpuMeter.Sample before = cpu.sample();
          ClosedLoopRunner.Slice slice = slice(open.get(mode), options.slice());
          results.put(mode, results.get(mode).plus(slice, CpuMeter.delta(before, cpu.sample())));
        }
      }
      if (interleave) {
        List<List<Caller>> threads = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
          List<Caller> perMode = new ArrayList<>();
          for (Mode mode : modes) {
            perMode.add(open.get(mode).get(c));
          }
          threads.add(perMode);
        }
        List<org.HdrHistogram.Histogram> latencies = runner.runInterleaved(threads, options.interleave(), nextRequest);
        nextRequest += (int) Math.min(latencies.get(0).getTotalCount(), 1_000_000);
        for (int m = 0; m < modes.size(); m++) {
          results.put(modes.get(m), results.get(modes.get(m)).withLatencies(latencies.get(m)));
        }
      }
      return new ScenarioResult(name, requests, callers, interleave, results);
    } finally {
      open.values().forEach(list -> list.forEach(Caller::close));
    }
  }

  private ClosedLoopRunner.Slice slice(List<Caller> callers, java.time.Duration duration) throws Exception {
    ClosedLoopRunner.Slice slice = runner.run(callers, duration, nextRequest);
    nextRequest += (int) Math.min(slice.calls(), 1_000_000);
    return slice;
  }
}
