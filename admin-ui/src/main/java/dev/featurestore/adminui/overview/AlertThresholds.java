package dev.featurestore.adminui.overview;

import java.time.Duration;

/**
 * When the serving figures raise an alert: the product's service levels by default, overridden
 * under {@code server.console.alerts} in feature_store.yaml.
 *
 * @param restP95 a REST P95 latency above this is a warning
 * @param grpcP95 a gRPC P95 latency above this is a warning
 * @param minHitRate an online store hit rate below this (0..1) is a warning
 * @param maxErrorRate an error rate above this (0..1) on any protocol is critical
 */
public record AlertThresholds(Duration restP95, Duration grpcP95, double minHitRate, double maxErrorRate) {

  public static final AlertThresholds DEFAULTS =
      new AlertThresholds(Duration.ofMillis(40), Duration.ofMillis(30), 0.85, 0.01);

  public AlertThresholds {
    java.util.Objects.requireNonNull(restP95, "restP95 is null");
    java.util.Objects.requireNonNull(grpcP95, "grpcP95 is null");
    if (minHitRate < 0 || minHitRate > 1 || maxErrorRate < 0 || maxErrorRate > 1) {
      throw new IllegalArgumentException("rates are between 0 and 1");
    }
  }

  /** The P95 threshold of {@code protocol}; REST's for protocols other than gRPC. */
  public Duration p95Of(String protocol) {
    return protocol.equals("grpc") ? grpcP95 : restP95;
  }
}
