package dev.featurestore.adminui.overview;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the online server did over a recent window, as the overview shows it.
 *
 * @param window how far back the rates and percentiles reach (shorter just after start-up)
 * @param protocols one entry per protocol that served requests ("rest", "grpc"), sorted
 * @param hitRate entity rows found in the online store over rows looked up; empty when none were
 * @param views the hit rate of each feature view read in the window, sorted by name
 * @param charts small time series of the last minutes, drawn as sparklines
 */
public record ServingReport(
    Duration window, List<ProtocolFigures> protocols, Optional<Double> hitRate, List<ViewHitRate> views,
    List<Sparkline> charts) {

  public static final ServingReport EMPTY =
      new ServingReport(Duration.ZERO, List.of(), Optional.empty(), List.of(), List.of());

  /**
   * One protocol's figures.
   *
   * @param requestsPerSecond requests finished per second over the window
   * @param errorRate failed requests over all requests; 0 when there were none
   * @param p50 latency percentiles over the window; empty when no request finished in it
   */
  public record ProtocolFigures(String protocol, double requestsPerSecond, double errorRate,
      Optional<Duration> p50, Optional<Duration> p95, Optional<Duration> p99) {
    public ProtocolFigures {
      requireNonNull(protocol, "protocol is null");
      requireNonNull(p50, "p50 is null");
      requireNonNull(p95, "p95 is null");
      requireNonNull(p99, "p99 is null");
    }
  }

  /** Hits over hits plus misses of one feature view. */
  public record ViewHitRate(String featureView, double hitRate, long lookups) {
    public ViewHitRate {
      requireNonNull(featureView, "featureView is null");
    }
  }

  public ServingReport {
    requireNonNull(window, "window is null");
    protocols = List.copyOf(protocols);
    requireNonNull(hitRate, "hitRate is null");
    views = List.copyOf(views);
    charts = List.copyOf(charts);
  }

  public Optional<ProtocolFigures> protocol(String name) {
    return protocols.stream().filter(p -> p.protocol().equals(name)).findFirst();
  }
}
