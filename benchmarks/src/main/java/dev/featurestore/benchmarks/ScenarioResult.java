package dev.featurestore.benchmarks;

import java.util.Map;

/**
 * One scenario's results, by mode (only the modes it ran).
 *
 * @param interleaved whether the latencies come from a request-by-request interleaved run
 */
record ScenarioResult(String name, RequestSet requests, int callers, boolean interleaved, Map<Mode, ModeResult> modes) {

  ModeResult mode(Mode mode) {
    ModeResult result = modes.get(mode);
    if (result == null) {
      throw new IllegalStateException("scenario " + name + " did not run " + mode);
    }
    return result;
  }
}
