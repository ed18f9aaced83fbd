package dev.featurestore.adminui.freshness;

import dev.featurestore.adminui.overview.Alert;
import dev.featurestore.adminui.overview.AlertSource;
import dev.featurestore.adminui.web.Formats;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A critical alert per online feature view whose materialized data is past its TTL, and a warning
 * per view whose data is older than the console's freshness threshold but still within its TTL.
 */
@Component
final class FreshnessAlerts implements AlertSource {

  private final FreshnessReport report;
  private final Formats formats = new Formats();

  FreshnessAlerts(FreshnessReport report) {
    this.report = report;
  }

  @Override
  public List<Alert> alerts() {
    return report.rows(FreshnessReport.Sort.AGE).stream()
        .filter(r -> r.status() == FreshnessStatus.EXPIRED || r.status() == FreshnessStatus.STALE)
        .filter(r -> r.intervalEnd().isPresent())
        .map(r -> r.status() == FreshnessStatus.EXPIRED ? expired(r) : stale(r))
        .toList();
  }

  private Alert expired(FreshnessRow r) {
    return new Alert(
        Alert.Severity.CRITICAL,
        r.view() + " is past its TTL",
        "The newest materialized data ends at " + formats.instant(r.intervalEnd().orElseThrow())
            + ", more than its TTL of " + formats.duration(r.ttl())
            + " ago; the online server answers OUTSIDE_MAX_AGE for it.",
        r.intervalEnd().orElseThrow().plus(r.ttl()));
  }

  private Alert stale(FreshnessRow r) {
    return new Alert(
        Alert.Severity.WARNING,
        r.view() + " data is " + r.age().map(formats::duration).orElse("?") + " old",
        "The newest materialized data ends at " + formats.instant(r.intervalEnd().orElseThrow())
            + ", older than the console's freshness threshold; is its materialization running?",
        r.intervalEnd().orElseThrow());
  }
}
