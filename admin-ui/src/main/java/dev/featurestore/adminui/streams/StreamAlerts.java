package dev.featurestore.adminui.streams;

import dev.featurestore.adminui.overview.Alert;
import dev.featurestore.adminui.overview.AlertSource;
import dev.featurestore.adminui.web.ConsoleSettings;
import dev.featurestore.adminui.web.Formats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Per stream: critical when its reader is not running (its views get no new values); a warning
 * when its lag P99 over the last minute is above {@link StreamsBackend#lagAlert()}, and one when
 * it skipped bad records in the last minute. Prometheus has its own rules for the same conditions
 * (monitoring/alerts.yml); these show on the overview without one.
 */
@Component
final class StreamAlerts implements AlertSource {

  private final StreamsBackend backend;
  private final ConsoleSettings settings;
  private final Formats formats = new Formats();

  StreamAlerts(StreamsBackend backend, ConsoleSettings settings) {
    this.backend = backend;
    this.settings = settings;
  }

  @Override
  public List<Alert> alerts() {
    if (!backend.connected()) {
      return List.of();
    }
    Instant now = settings.clock().instant();
    Duration lagAlert = backend.lagAlert();
    List<Alert> alerts = new ArrayList<>();
    for (StreamRow stream : backend.streams()) {
      if (!stream.running()) {
        alerts.add(new Alert(Alert.Severity.CRITICAL, "Stream " + stream.name() + " is not running",
            stream.lastError().map(e -> "Last error: " + e + ". ").orElse("")
                + "Its views (" + String.join(", ", stream.views()) + ") get no new values from "
                + String.join(", ", stream.sources()) + " until it reads again, from its checkpoint.",
            now));
      }
      if (stream.lagAbove(lagAlert)) {
        alerts.add(new Alert(Alert.Severity.WARNING,
            "Stream " + stream.name() + " lag P99 is " + formats.latency(stream.lagP99()),
            "Over the last minute, above the console's threshold of " + formats.latency(lagAlert)
                + " (materializer.streaming.lag_alert): online values of " + String.join(", ", stream.views())
                + " trail " + String.join(", ", stream.sources()) + " by that much.",
            now));
      }
      if (stream.badLastMinute() > 0) {
        alerts.add(new Alert(Alert.Severity.WARNING,
            "Stream " + stream.name() + " skipped " + stream.badLastMinute() + " bad record"
                + (stream.badLastMinute() == 1 ? "" : "s") + " in the last minute",
            "Records of " + String.join(", ", stream.sources()) + " that no view could use (undecodable, or"
                + " missing an entity key or timestamp) are counted and skipped; the log names each with its"
                + " position.",
            now));
      }
    }
    return alerts;
  }
}
