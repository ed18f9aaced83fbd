package dev.featurestore.cli.console;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The online server's cumulative counters at one instant, read from its Micrometer registry: per
 * protocol the requests, errors and latency histogram buckets (the server publishes percentile
 * histograms, cumulative since start as Prometheus wants them), per feature view the store hits and
 * misses. Figures over a window are differences of two samples (see {@link ServingWindow}).
 *
 * @param protocols by protocol tag ("rest", "grpc")
 * @param views by feature view: {@code [hits, misses]}
 */
record ServingSample(Instant at, Map<String, Protocol> protocols, Map<String, long[]> views) {

  // The meter names of dev.featurestore.onlineserver.metrics.ServingMetrics.
  static final String REQUEST_DURATION = "featurestore.request.duration";
  static final String REQUEST_ERRORS = "featurestore.request.errors";
  static final String STORE_HITS = "featurestore.online.store.hits";
  static final String STORE_MISSES = "featurestore.online.store.misses";

  /**
   * @param buckets upper bound in nanoseconds to the number of requests at most that slow
   */
  record Protocol(long requests, double errors, NavigableMap<Double, Double> buckets) {
    Protocol {
      requireNonNull(buckets, "buckets is null");
    }
  }

  ServingSample {
    requireNonNull(at, "at is null");
    protocols = Map.copyOf(protocols);
    views = Map.copyOf(views);
  }

  static ServingSample take(MeterRegistry registry, Instant at) {
    Map<String, Long> requests = new HashMap<>();
    Map<String, Double> errors = new HashMap<>();
    Map<String, NavigableMap<Double, Double>> buckets = new HashMap<>();
    for (Timer timer : registry.find(REQUEST_DURATION).timers()) {
      String protocol = tag(timer.getId().getTag("protocol"));
      requests.merge(protocol, timer.count(), Long::sum);
      NavigableMap<Double, Double> counts = buckets.computeIfAbsent(protocol, p -> new TreeMap<>());
      for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
        counts.merge(bucket.bucket(TimeUnit.NANOSECONDS), bucket.count(), Double::sum);
      }
    }
    for (Counter counter : registry.find(REQUEST_ERRORS).counters()) {
      errors.merge(tag(counter.getId().getTag("protocol")), counter.count(), Double::sum);
    }
    Map<String, Protocol> protocols = new HashMap<>();
    requests.forEach((protocol, count) -> protocols.put(protocol,
        new Protocol(count, errors.getOrDefault(protocol, 0.0), buckets.get(protocol))));
    Map<String, long[]> views = new HashMap<>();
    count(registry, STORE_HITS, 0, views);
    count(registry, STORE_MISSES, 1, views);
    return new ServingSample(at, protocols, views);
  }

  private static void count(MeterRegistry registry, String name, int slot, Map<String, long[]> views) {
    for (Counter counter : registry.find(name).counters()) {
      views.computeIfAbsent(tag(counter.getId().getTag("feature_view")), v -> new long[2])[slot] +=
          (long) counter.count();
    }
  }

  private static String tag(String value) {
    return value == null ? "unknown" : value;
  }
}
