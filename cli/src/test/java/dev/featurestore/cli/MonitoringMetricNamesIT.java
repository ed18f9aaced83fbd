package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.materializer.MaterializationScheduler;
import dev.featurestore.materializer.MaterializerConfig;
import dev.featurestore.materializer.SchedulerListener;
import dev.featurestore.materializer.stream.StreamMetrics;
import dev.featurestore.materializer.stream.StreamPosition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric the Grafana dashboard and the alert rules query is one the code registers: a
 * renamed meter would otherwise leave an empty panel or an alert that never fires. The names are
 * taken from a live server's /metrics after a few requests, with a materialization scheduler's
 * meters registered in the same registry and one scheduled run made, and a stream's meters (as the
 * stream engine registers them under {@code featurestore up}) with one applied record.
 */
class MonitoringMetricNamesIT {
  private static final Path DASHBOARD = Path.of("..", "monitoring", "grafana", "dashboards", "featurestore.json");
  private static final Path ALERTS = Path.of("..", "monitoring", "alerts.yml");
  private static final Pattern NAME = Pattern.compile("\\bfeaturestore_[a-z0-9_]*[a-z0-9]");

  @TempDir Path tmp;

  @Test
  void dashboardAndAlertsUseOnlyRegisteredMetrics() throws Exception {
    Set<String> used = new TreeSet<>();
    used.addAll(namesIn(Files.readString(DASHBOARD)));
    used.addAll(namesIn(Files.readString(ALERTS)));
    assertThat(used).as("metric names found in the dashboard and alerts").hasSizeGreaterThan(10);

    Set<String> registered;
    try (SampleServer sample = SampleServer.start(tmp)) {
      exercise(sample);
      streamOneRecord(sample);
      registered = withScheduledRun(sample);
    }

    assertThat(registered).as("registered metrics").containsAll(used);
  }

  /** Registers a scheduler's meters in the server's registry, runs one view and scrapes. */
  private static Set<String> withScheduledRun(SampleServer sample) throws InterruptedException {
    try (MaterializationSession session =
        MaterializationSession.open(sample.workspaceDir(), new PrintWriter(new StringWriter()))) {
      MaterializationScheduler scheduler = MaterializationSchedulers.create(
          session, MaterializerConfig.defaults(), sample.server().meterRegistry(), SchedulerListener.NONE);
      scheduler.start();
      try {
        scheduler.triggerNow("user_demographics");
        return awaitScrape(sample, "featurestore_materialization_duration_seconds_count");
      } finally {
        scheduler.stop();
      }
    }
  }

  /** The meters a stream registers, on the server's registry, after it applied one record. */
  private static void streamOneRecord(SampleServer sample) {
    StreamMetrics stream = new StreamMetrics(sample.server().meterRegistry(), "transactions", Clock.systemUTC());
    stream.up(() -> true);
    Instant written = Instant.now();
    stream.count("transactions", StreamMetrics.Outcome.APPLIED);
    stream.applied(written.minusMillis(250), written);
    stream.position(new StreamPosition("transactions-0", 42, 0));
  }

  private static void exercise(SampleServer sample) {
    HttpResponse<String> user = sample.call("/api/v1/features/user/user_00042", null);
    assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
    HttpResponse<String> feast = sample.call("/get-online-features",
        "{\"feature_service\": \"credit_decision_v1\", \"entities\": {\"user_id\": [\"user_00042\", \"nobody\"]}}");
    assertThat(feast.statusCode()).as(feast.body()).isEqualTo(200);
    assertThat(sample.call("/get-online-features", "{\"features\": [\"no_such_view:x\"], \"entities\": {\"user_id\": [\"a\"]}}")
        .statusCode()).isGreaterThanOrEqualTo(400);
  }

  /** Scrapes until {@code expected} shows up (the scheduled run is asynchronous). */
  private static Set<String> awaitScrape(SampleServer sample, String expected) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      HttpResponse<String> metrics = sample.call("/metrics", null);
      assertThat(metrics.statusCode()).isEqualTo(200);
      if (metrics.body().contains(expected) || Instant.now().isAfter(deadline)) {
        return exported(metrics.body());
      }
      Thread.sleep(200);
    }
  }

  /** Names of the series in a Prometheus text scrape, histogram and summary suffixes removed. */
  static Set<String> exported(String scrape) {
    Set<String> names = new TreeSet<>();
    for (String line : scrape.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int end = line.indexOf('{');
      if (end < 0) {
        end = line.indexOf(' ');
      }
      names.add(base(line.substring(0, end)));
    }
    return names;
  }

  static Set<String> namesIn(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = NAME.matcher(text);
    while (matcher.find()) {
      names.add(base(matcher.group()));
    }
    return names;
  }

  private static String base(String name) {
    return name.replaceFirst("_(bucket|count|sum|max)$", "");
  }

}
