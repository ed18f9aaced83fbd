package dev.featurestore.adminui.overview;

import dev.featurestore.adminui.web.ConsoleSettings;
import dev.featurestore.adminui.web.Formats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Alerts when the serving figures break the service levels of {@link AlertThresholds}. The
 * figures cover a window, so "since" is the window's start: the condition held over it.
 */
@Component
final class ServiceLevelAlerts implements AlertSource {

  private final MetricsSource metrics;
  private final AlertThresholds thresholds;
  private final ConsoleSettings settings;
  private final Formats formats = new Formats();

  ServiceLevelAlerts(MetricsSource metrics, AlertThresholds thresholds, ConsoleSettings settings) {
    this.metrics = metrics;
    this.thresholds = thresholds;
    this.settings = settings;
  }

  @Override
  public List<Alert> alerts() {
    if (!metrics.connected()) {
      return List.of();
    }
    ServingReport report = metrics.report();
    Instant since = settings.clock().instant().minus(report.window());
    String window = "over the last " + formats.duration(report.window());
    List<Alert> alerts = new ArrayList<>();
    for (ServingReport.ProtocolFigures p : report.protocols()) {
      Duration limit = thresholds.p95Of(p.protocol());
      p.p95().filter(p95 -> p95.compareTo(limit) > 0).ifPresent(p95 -> alerts.add(new Alert(Alert.Severity.WARNING,
          p.protocol() + " P95 latency is " + millis(p95) + " ms",
          "Above the " + millis(limit) + " ms service level " + window + ".", since)));
      if (p.errorRate() > thresholds.maxErrorRate()) {
        alerts.add(new Alert(Alert.Severity.CRITICAL, p.protocol() + " error rate is " + percent(p.errorRate()),
            "Above the " + percent(thresholds.maxErrorRate()) + " service level " + window + ".", since));
      }
    }
    report.hitRate().filter(rate -> rate < thresholds.minHitRate()).ifPresent(rate -> alerts.add(new Alert(
        Alert.Severity.WARNING, "Online store hit rate is " + percent(rate),
        "Below " + percent(thresholds.minHitRate()) + " " + window
            + ": entities are missing from the online store (not materialized, or unknown ids).", since)));
    return alerts;
  }

  private static String millis(Duration duration) {
    return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e6);
  }

  private static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }
}
