package dev.featurestore.materializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scheduler on the RAM job store, over fakes of our own store SPIs. */
class MaterializationSchedulerTest {
  private final InMemoryRegistryStore registry = InMemoryRegistryStore.withViews("a", "b", "c");
  private final ScriptedOfflineStore offline = new ScriptedOfflineStore();
  private final InMemoryOnlineStore online = new InMemoryOnlineStore();
  private final InMemoryMaterializationRunStore runs = new InMemoryMaterializationRunStore();
  private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private MaterializationScheduler scheduler;

  @AfterEach
  void stop() {
    if (scheduler != null) {
      scheduler.stop();
    }
  }

  @Test
  void schedulesEveryOnlineViewWithItsOwnScheduleAndRunsItAtOnce() {
    scheduler = start(Map.of(
        "default", Map.of("interval", "1h"),
        "views", Map.of("b", Map.of("cron", "0 0 3 * * ?"), "c", Map.of("enabled", false))));

    List<ScheduledView> views = scheduler.schedules();

    assertThat(views).extracting(ScheduledView::view).containsExactly("a", "b");
    assertThat(views.get(0).trigger()).isEqualTo("every 1h");
    assertThat(views.get(1).trigger()).isEqualTo("cron 0 0 3 * * ?");
    assertThat(views.get(1).nextFireTime().orElseThrow().toString()).endsWith("T03:00:00Z");
    assertThat(views).noneMatch(ScheduledView::paused);
    // An interval schedule fires when created; a cron one waits for its slot.
    await().atMost(Duration.ofSeconds(10)).until(() -> succeeded("a") == 1);
    assertThat(runs.history(InMemoryRegistryStore.PROJECT, Optional.of("b"), 10)).isEmpty();
    MaterializationRun run = runs.history(InMemoryRegistryStore.PROJECT, Optional.of("a"), 1).get(0);
    assertThat(run.rowsWritten()).isEqualTo(ScriptedOfflineStore.ROWS);
    assertThat(run.windowEnd()).isPresent();
    assertThat(run.windowStart()).contains(offline.pulls("a").get(0).start());
    assertThat(run.instance()).isEqualTo(scheduler.instanceId());
    double freshness = meters.get(MaterializationMetrics.FRESHNESS).tag("feature_view", "a").gauge().value();
    assertThat(freshness).isBetween(0.0, 60.0);
    double lastSuccess = meters.get(MaterializationMetrics.LAST_SUCCESS).tag("feature_view", "a").gauge().value();
    assertThat(lastSuccess).isCloseTo(Instant.now().toEpochMilli() / 1e3, org.assertj.core.data.Offset.offset(60.0));
    // b has not run: its freshness is unknown (never materialized).
    assertThat(meters.get(MaterializationMetrics.FRESHNESS).tag("feature_view", "b").gauge().value()).isNaN();
  }

  @Test
  void retriesWithExponentialBackOffThenSucceeds() {
    offline.failNext("a",
        new FeatureStoreException(ErrorCode.OFFLINE_STORE_UNAVAILABLE, "warehouse is down"),
        new FeatureStoreException(ErrorCode.OFFLINE_STORE_UNAVAILABLE, "warehouse is still down"));
    scheduler = start(Map.of(
        "views", Map.of("a", Map.of("interval", "1h"), "b", Map.of("enabled", false),
            "c", Map.of("enabled", false)),
        "retries", Map.of("max", 3, "backoff", "300ms")));

    await().atMost(Duration.ofSeconds(15)).until(() -> succeeded("a") == 1);

    List<MaterializationRun> history = oldestFirst("a");
    assertThat(history).extracting(MaterializationRun::status)
        .containsExactly(RunStatus.RETRYING, RunStatus.RETRYING, RunStatus.SUCCEEDED);
    assertThat(history.get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("warehouse is down"));
    // The retry is scheduled when the failure is caught, a moment before the run's finishedAt is
    // stamped, so a gap may come out a little short of its backoff (599.9 ms was seen).
    assertThat(gap(history, 0)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    assertThat(gap(history, 1)).isGreaterThanOrEqualTo(Duration.ofMillis(550)).isGreaterThan(gap(history, 0));
    assertThat(events).contains("a retry 1", "a retry 2");
    assertThat(online.rowsWritten.get()).isEqualTo(ScriptedOfflineStore.ROWS);
    String scrape = meters.scrape();
    assertThat(scrape)
        .contains("featurestore_materialization_failures_total{feature_view=\"a\"} 2.0")
        .contains("featurestore_materialization_rows_total{feature_view=\"a\"} 3.0")
        .contains("featurestore_materialization_duration_seconds_count{feature_view=\"a\",status=\"succeeded\"} 1")
        .contains("featurestore_materialization_duration_seconds_count{feature_view=\"a\",status=\"failed\"} 2")
        .contains("featurestore_materialization_last_success_timestamp_seconds{feature_view=\"a\"}")
        .contains("featurestore_materialization_freshness_seconds{feature_view=\"a\"}");
  }

  @Test
  void permanentFailuresAreRecordedWithoutRetry() throws Exception {
    offline.failNext("a", new FeatureStoreException(ErrorCode.INVALID_DEFINITION, "column score is a string"));
    scheduler = start(Map.of(
        "views", Map.of("b", Map.of("enabled", false), "c", Map.of("enabled", false)),
        "retries", Map.of("max", 3, "backoff", "100ms")));

    await().atMost(Duration.ofSeconds(10)).until(() -> oldestFirst("a").size() == 1
        && oldestFirst("a").get(0).status() != RunStatus.RUNNING);
    Thread.sleep(700);

    assertThat(oldestFirst("a")).singleElement().satisfies(run -> {
      assertThat(run.status()).isEqualTo(RunStatus.FAILED);
      assertThat(run.error()).hasValueSatisfying(e -> assertThat(e).contains("column score is a string"));
    });
  }

  @Test
  void givesUpAfterMaxRetries() {
    FeatureStoreException down = new FeatureStoreException(ErrorCode.ONLINE_STORE_UNAVAILABLE, "redis down");
    offline.failNext("a", down, down, down);
    scheduler = start(Map.of(
        "views", Map.of("b", Map.of("enabled", false), "c", Map.of("enabled", false)),
        "retries", Map.of("max", 1, "backoff", "100ms")));

    await().atMost(Duration.ofSeconds(10)).until(() -> oldestFirst("a").stream()
        .anyMatch(r -> r.status() == RunStatus.FAILED));

    assertThat(oldestFirst("a")).extracting(MaterializationRun::status)
        .containsExactly(RunStatus.RETRYING, RunStatus.FAILED);
  }

  @Test
  void triggerPauseAndResume() {
    scheduler = start(Map.of("views", Map.of("b", Map.of("enabled", false), "c", Map.of("enabled", false))));
    await().atMost(Duration.ofSeconds(10)).until(() -> succeeded("a") == 1);

    scheduler.pause("a");
    assertThat(scheduler.schedules()).singleElement().satisfies(view -> {
      assertThat(view.paused()).isTrue();
      assertThat(view.nextFireTime()).isEmpty();
    });

    scheduler.triggerNow("a");
    await().atMost(Duration.ofSeconds(10)).until(() -> succeeded("a") == 2);

    scheduler.resume("a");
    ScheduledView resumed = scheduler.schedules().get(0);
    assertThat(resumed.paused()).isFalse();
    assertThat(resumed.nextFireTime()).hasValueSatisfying(
        next -> assertThat(next).isAfter(Instant.now().plus(Duration.ofMinutes(50))));
    // Incremental: the second run starts where the first ended.
    List<MaterializationRun> history = oldestFirst("a");
    assertThat(history.get(1).windowStart()).isEqualTo(history.get(0).windowEnd());
    assertThat(scheduler.history(Optional.empty(), 10)).hasSize(2);

    assertThatThrownBy(() -> scheduler.triggerNow("c"))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessage("feature view c is not scheduled in project p");
  }

  @Test
  void syncFollowsTheRegistry() {
    scheduler = start(Map.of());
    assertThat(scheduler.schedules()).extracting(ScheduledView::view).containsExactly("a", "b", "c");

    registry.teardown(InMemoryRegistryStore.PROJECT, Instant.now());

    assertThat(scheduler.sync()).isEmpty();
    assertThat(scheduler.schedules()).isEmpty();
  }

  private MaterializationScheduler start(Map<String, Object> section) {
    MaterializationScheduler created = new MaterializationScheduler(
        InMemoryRegistryStore.PROJECT,
        MaterializerConfigParser.parse(section),
        new MaterializationBackEnds(online, offline, registry, 100),
        runs,
        Optional.empty(),
        meters,
        Clock.systemUTC(),
        new SchedulerListener() {
          @Override
          public void runStarted(String view, Instant scheduledFireTime, int attempt) {
            events.add(view + (attempt == 0 ? " run" : " retry " + attempt));
          }
        });
    created.start();
    return created;
  }

  private long succeeded(String view) {
    return oldestFirst(view).stream().filter(r -> r.status() == RunStatus.SUCCEEDED).count();
  }

  private List<MaterializationRun> oldestFirst(String view) {
    List<MaterializationRun> history =
        new ArrayList<>(runs.history(InMemoryRegistryStore.PROJECT, Optional.of(view), 100));
    history.sort(Comparator.comparingLong(MaterializationRun::id));
    return history;
  }

  private static Duration gap(List<MaterializationRun> history, int index) {
    return Duration.between(history.get(index).finishedAt().orElseThrow(), history.get(index + 1).startedAt());
  }
}
