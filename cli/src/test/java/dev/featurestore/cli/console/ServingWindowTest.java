package dev.featurestore.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.adminui.overview.ServingReport;
import dev.featurestore.onlineserver.metrics.ServingMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Window figures from the server's own meters, as the online server registers them. */
class ServingWindowTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void quantileInterpolatesInsideTheBucket() {
    NavigableMap<Double, Double> cumulative = new TreeMap<>();
    cumulative.put(ms(10), 50.0);
    cumulative.put(ms(20), 90.0);
    cumulative.put(ms(40), 100.0);
    assertThat(ServingWindow.quantile(cumulative, 100, 0.50)).contains(Duration.ofMillis(10));
    assertThat(ServingWindow.quantile(cumulative, 100, 0.70)).contains(Duration.ofMillis(15));
    assertThat(ServingWindow.quantile(cumulative, 100, 0.95)).contains(Duration.ofMillis(30));
    assertThat(ServingWindow.quantile(cumulative, 0, 0.95)).isEmpty();
  }

  @Test
  void figuresCoverOnlyTheWindow() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ServingMetrics metrics = new ServingMetrics(registry);
    for (int i = 0; i < 100; i++) { // before the window: slow, all misses
      metrics.recordRequest("rest", "/get-online-features", "200", null, TimeUnit.MILLISECONDS.toNanos(500));
    }
    metrics.recordLookups("user_credit_profile", 0, 100);
    ServingSample older = ServingSample.take(registry, T0);
    for (int i = 0; i < 97; i++) {
      metrics.recordRequest("rest", "/get-online-features", "200", null, TimeUnit.MILLISECONDS.toNanos(5));
    }
    for (int i = 0; i < 3; i++) {
      metrics.recordRequest("rest", "/get-online-features", "500", "INTERNAL", TimeUnit.MILLISECONDS.toNanos(5));
    }
    metrics.recordRequest("grpc", "GetOnlineFeatures", "OK", null, TimeUnit.MILLISECONDS.toNanos(2));
    metrics.recordLookups("user_credit_profile", 90, 10);
    metrics.recordLookups("user_demographics", 100, 0);

    ServingReport report = ServingWindow.between(older, ServingSample.take(registry, T0.plusSeconds(50)));

    assertThat(report.window()).isEqualTo(Duration.ofSeconds(50));
    ServingReport.ProtocolFigures rest = report.protocol("rest").orElseThrow();
    assertThat(rest.requestsPerSecond()).isEqualTo(2.0);
    assertThat(rest.errorRate()).isEqualTo(0.03);
    assertThat(rest.p95().orElseThrow()).isBetween(Duration.ofMillis(4), Duration.ofMillis(6));
    assertThat(rest.p99().orElseThrow()).isLessThan(Duration.ofMillis(10));
    assertThat(report.protocol("grpc").orElseThrow().requestsPerSecond()).isEqualTo(0.02);
    assertThat(report.hitRate()).contains(0.95);
    assertThat(report.views()).extracting(ServingReport.ViewHitRate::featureView, ServingReport.ViewHitRate::hitRate)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("user_credit_profile", 0.9),
            org.assertj.core.groups.Tuple.tuple("user_demographics", 1.0));
  }

  @Test
  void sourceDrawsChartsOnceItHasSamples() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ServingMetrics metrics = new ServingMetrics(registry);
    MutableClock clock = new MutableClock(T0);
    ServerMetricsSource source = new ServerMetricsSource(registry, clock, Duration.ofMinutes(5));
    for (int i = 0; i < 3; i++) {
      metrics.recordRequest("rest", "/get-online-features", "200", null, TimeUnit.MILLISECONDS.toNanos(5));
      metrics.recordLookups("user_credit_profile", 1, 0);
      clock.advance(Duration.ofSeconds(10));
      source.sample();
    }
    ServingReport report = source.report();
    assertThat(report.window()).isEqualTo(Duration.ofSeconds(30));
    assertThat(report.charts()).extracting(c -> c.title())
        .containsExactly("requests/s", "rest P95 ms", "hit rate %");
    assertThat(report.charts().get(0).values()).hasSize(3).allSatisfy(v -> assertThat(v).isEqualTo(0.1));
  }

  private static double ms(long millis) {
    return TimeUnit.MILLISECONDS.toNanos(millis);
  }

  private static final class MutableClock extends java.time.Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
