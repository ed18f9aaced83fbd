package dev.featurestore.adminui.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.adminui.overview.Alert;
import dev.featurestore.adminui.web.ConsoleSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamAlertsTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final ConsoleSettings SETTINGS =
      new ConsoleSettings(Duration.ofHours(2), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void healthyStreamsRaiseNothing() {
    StreamRow healthy = stream("orders", true, Optional.of(Duration.ofSeconds(5)), 0);
    StreamRow idle = stream("idle", true, Optional.empty(), 0);

    assertThat(alerts(Duration.ofSeconds(5), healthy, idle)).isEmpty();
  }

  @Test
  void aStoppedStreamIsCriticalAndNamesItsLastError() {
    StreamRow down = new StreamRow("cdc", "PostgreSQL CDC", List.of("users_cdc"), List.of("user_profile"), false,
        Optional.of("replication slot \"featurestore\" is active for PID 42"), 10, 0, 0, 0, 0,
        Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

    List<Alert> alerts = alerts(Duration.ofSeconds(5), down);

    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.severity()).isEqualTo(Alert.Severity.CRITICAL);
      assertThat(a.title()).isEqualTo("Stream cdc is not running");
      assertThat(a.detail()).contains("replication slot \"featurestore\" is active for PID 42", "user_profile",
          "users_cdc");
      assertThat(a.since()).isEqualTo(NOW);
    });
  }

  @Test
  void lagAboveTheThresholdIsAWarning() {
    StreamRow lagging = stream("orders", true, Optional.of(Duration.ofMillis(7_500)), 0);
    StreamRow atThreshold = stream("payments", true, Optional.of(Duration.ofSeconds(5)), 0);

    List<Alert> alerts = alerts(Duration.ofSeconds(5), lagging, atThreshold);

    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.severity()).isEqualTo(Alert.Severity.WARNING);
      assertThat(a.title()).isEqualTo("Stream orders lag P99 is 7.5 s");
      assertThat(a.detail()).contains("threshold of 5.0 s", "materializer.streaming.lag_alert");
    });
  }

  @Test
  void theThresholdComesFromTheBackend() {
    StreamRow stream = stream("orders", true, Optional.of(Duration.ofMillis(1_500)), 0);

    assertThat(alerts(Duration.ofSeconds(5), stream)).isEmpty();
    assertThat(alerts(Duration.ofSeconds(1), stream)).extracting(Alert::title)
        .containsExactly("Stream orders lag P99 is 1.5 s");
  }

  @Test
  void badRecordsInTheLastMinuteAreAWarningOlderOnesAreNot() {
    StreamRow recent = stream("orders", true, Optional.empty(), 4);
    StreamRow one = stream("payments", true, Optional.empty(), 1);
    StreamRow old = new StreamRow("refunds", "Kafka", List.of("refunds"), List.of("refund_stats"), true,
        Optional.empty(), 100, 50, 0, 0, 1, Optional.empty(), Optional.empty(), Optional.empty(), Map.of());

    List<Alert> alerts = alerts(Duration.ofSeconds(5), recent, one, old);

    assertThat(alerts).extracting(Alert::severity).containsOnly(Alert.Severity.WARNING);
    assertThat(alerts).extracting(Alert::title).containsExactly(
        "Stream orders skipped 4 bad records in the last minute",
        "Stream payments skipped 1 bad record in the last minute");
  }

  @Test
  void everyConditionOfOneStreamIsReported() {
    StreamRow bad = new StreamRow("orders", "Kafka", List.of("orders"), List.of("order_stats"), false,
        Optional.empty(), 1, 2, 0, 2, 0, Optional.empty(), Optional.of(Duration.ofMinutes(3)), Optional.empty(),
        Map.of());

    assertThat(alerts(Duration.ofSeconds(5), bad)).extracting(Alert::severity, Alert::title).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Alert.Severity.CRITICAL, "Stream orders is not running"),
        org.assertj.core.groups.Tuple.tuple(Alert.Severity.WARNING, "Stream orders lag P99 is 3m"),
        org.assertj.core.groups.Tuple.tuple(Alert.Severity.WARNING,
            "Stream orders skipped 2 bad records in the last minute"));
  }

  @Test
  void withoutAStreamEngineThereAreNoAlerts() {
    assertThat(new StreamAlerts(new NotConnectedStreamsBackend(), SETTINGS).alerts()).isEmpty();
  }

  private static List<Alert> alerts(Duration lagAlert, StreamRow... streams) {
    return new StreamAlerts(new ListedStreams(List.of(streams), lagAlert), SETTINGS).alerts();
  }

  private static StreamRow stream(String name, boolean running, Optional<Duration> lagP99, long badLastMinute) {
    return new StreamRow(name, "Kafka", List.of(name), List.of(name + "_stats"), running, Optional.empty(), 1_000,
        badLastMinute, 0, badLastMinute, 16.5, lagP99.map(l -> l.dividedBy(2)), lagP99,
        Optional.of(NOW.minusSeconds(1)), Map.of("p-0", "12"));
  }
}
