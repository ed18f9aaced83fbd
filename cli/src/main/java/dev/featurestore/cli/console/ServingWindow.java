package dev.featurestore.cli.console;

import dev.featurestore.adminui.overview.ServingReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The figures between two {@link ServingSample}s: rates are differences over the elapsed time,
 * percentiles are read from the difference of the cumulative histogram buckets, interpolating
 * linearly inside the bucket where the rank falls (what Prometheus' {@code histogram_quantile}
 * does), so they reflect only the requests of the window.
 */
final class ServingWindow {
  private ServingWindow() {}

  static ServingReport between(ServingSample older, ServingSample newer) {
    Duration window = Duration.between(older.at(), newer.at());
    double seconds = Math.max(window.toMillis() / 1000.0, 0.001);
    List<ServingReport.ProtocolFigures> protocols = new ArrayList<>();
    new TreeMap<>(newer.protocols()).forEach((name, now) -> {
      ServingSample.Protocol before = older.protocols().get(name);
      long requests = now.requests() - (before == null ? 0 : before.requests());
      if (requests <= 0) {
        return;
      }
      double errors = now.errors() - (before == null ? 0 : before.errors());
      NavigableMap<Double, Double> buckets = delta(now.buckets(), before == null ? Map.of() : before.buckets());
      protocols.add(new ServingReport.ProtocolFigures(name, requests / seconds, Math.max(0, errors) / requests,
          quantile(buckets, requests, 0.50), quantile(buckets, requests, 0.95), quantile(buckets, requests, 0.99)));
    });
    long hits = 0;
    long lookups = 0;
    List<ServingReport.ViewHitRate> views = new ArrayList<>();
    for (Map.Entry<String, long[]> view : new TreeMap<>(newer.views()).entrySet()) {
      long[] before = older.views().getOrDefault(view.getKey(), new long[2]);
      long viewHits = view.getValue()[0] - before[0];
      long viewLookups = viewHits + view.getValue()[1] - before[1];
      if (viewLookups > 0) {
        views.add(new ServingReport.ViewHitRate(view.getKey(), (double) viewHits / viewLookups, viewLookups));
        hits += viewHits;
        lookups += viewLookups;
      }
    }
    Optional<Double> hitRate = lookups == 0 ? Optional.empty() : Optional.of((double) hits / lookups);
    return new ServingReport(window, protocols, hitRate, views, List.of());
  }

  private static NavigableMap<Double, Double> delta(NavigableMap<Double, Double> now, Map<Double, Double> before) {
    NavigableMap<Double, Double> delta = new TreeMap<>();
    now.forEach((bound, count) -> delta.put(bound, count - before.getOrDefault(bound, 0.0)));
    return delta;
  }

  /**
   * The {@code q} quantile from cumulative bucket counts (upper bound in nanoseconds to the count at
   * most that slow); the largest bound when the rank lies beyond every bucket.
   */
  static Optional<Duration> quantile(NavigableMap<Double, Double> cumulative, long total, double q) {
    if (total <= 0 || cumulative.isEmpty()) {
      return Optional.empty();
    }
    double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() >= rank) {
        double inBucket = bucket.getValue() - lowerCount;
        double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
        return Optional.of(Duration.ofNanos(Math.round(lowerBound + (bucket.getKey() - lowerBound) * fraction)));
      }
      lowerBound = bucket.getKey();
      lowerCount = bucket.getValue();
    }
    return Optional.of(Duration.ofNanos(Math.round(cumulative.lastKey())));
  }
}
