package dev.featurestore.materializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.featurestore.testing.TestingPostgresServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two scheduler instances sharing one clustered Quartz JDBC job store and one history table on
 * PostgreSQL, as two materializer processes would (they also share one registry and stores).
 */
class ClusteredSchedulerIT {
  private static final List<String> VIEWS = List.of("a", "b", "c", "d");

  private final TestingPostgresServer postgres = TestingPostgresServer.shared();
  private final InMemoryRegistryStore registry = InMemoryRegistryStore.withViews("a", "b", "c", "d");
  private final ScriptedOfflineStore offline = new ScriptedOfflineStore();
  private final InMemoryOnlineStore online = new InMemoryOnlineStore();
  /** view@scheduledFireTime of every fire, on either instance. */
  private final List<String> fires = Collections.synchronizedList(new ArrayList<>());
  private final List<MaterializationScheduler> started = new ArrayList<>();
  private String database;
  private JdbcMaterializationRunStore runs;

  @BeforeEach
  void createDatabase() throws Exception {
    database = postgres.createDatabase("materializer_cluster");
    try (Connection connection = postgres.connect(database)) {
      RegistryMigrations.createRunsTable(connection, "postgresql");
    }
    runs = new JdbcMaterializationRunStore(() -> postgres.connect(database));
  }

  @AfterEach
  void stopAll() {
    started.forEach(MaterializationScheduler::stop);
    postgres.dropDatabase(database);
  }

  @Test
  void eachFireRunsOnceAndTheOtherInstanceTakesOver() throws Exception {
    MaterializationScheduler first = start();
    MaterializationScheduler second = start();
    assertThat(first.schedules()).extracting(ScheduledView::view).containsExactlyElementsOf(VIEWS);
    assertThat(second.schedules()).extracting(ScheduledView::view).containsExactlyElementsOf(VIEWS);

    await().atMost(Duration.ofSeconds(30)).until(() -> VIEWS.stream().allMatch(view -> finished(view) >= 5));

    Map<String, Long> perInstance = new java.util.TreeMap<>();
    VIEWS.forEach(view -> oldestFirst(view).forEach(run -> perInstance.merge(
        run.instance().equals(first.instanceId()) ? "first" : "second", 1L, Long::sum)));
    // One worker each and four views due every second: both instances get work.
    assertThat(perInstance).as("runs per instance").containsOnlyKeys("first", "second");
    first.stop();
    Instant stoppedAt = Instant.now();
    // A trigger the stopped instance had already acquired comes back once the cluster notices
    // that instance is gone (check-in interval plus margin), so allow for that.
    await().atMost(Duration.ofSeconds(45)).until(() -> VIEWS.stream().allMatch(view -> oldestFirst(view).stream()
        .anyMatch(run -> run.startedAt().isAfter(stoppedAt) && run.status() != RunStatus.RUNNING)));
    second.stop();

    synchronized (fires) {
      assertThat(new HashSet<>(fires)).as("each scheduled fire ran once").hasSameSizeAs(fires);
    }
    for (String view : VIEWS) {
      List<MaterializationRun> history = oldestFirst(view);
      assertThat(history).allMatch(run -> run.status() == RunStatus.SUCCEEDED);
      // Exactly once, seen from the data: each window starts where the previous one ended.
      for (int i = 1; i < history.size(); i++) {
        assertThat(history.get(i).windowStart()).isEqualTo(history.get(i - 1).windowEnd());
      }
      assertThat(offline.pulls(view)).hasSameSizeAs(history);
      assertThat(history.stream().filter(run -> run.startedAt().isAfter(stoppedAt)))
          .isNotEmpty()
          .allMatch(run -> run.instance().equals(second.instanceId()));
    }
    assertThat(countRows("SELECT count(*) FROM fs_materialization_runs")).isEqualTo(fires.size());
    assertThat(countRows("SELECT count(*) FROM fs_qrtz_job_details")).isEqualTo(VIEWS.size());
  }

  @Test
  void pauseIsSharedByTheCluster() {
    MaterializationScheduler first = start();
    MaterializationScheduler second = start();

    first.pause("a");

    assertThat(second.schedules()).filteredOn(ScheduledView::paused)
        .extracting(ScheduledView::view).containsExactly("a");
    second.resume("a");
    assertThat(first.schedules()).noneMatch(ScheduledView::paused);
  }

  private MaterializationScheduler start() {
    Map<String, Object> section = Map.of(
        "default", Map.of("interval", "1s"),
        "job_store", "jdbc",
        "threads", 1);
    JobStoreDatabase jobStore = new JobStoreDatabase(
        postgres.jdbcUrl(database), Optional.of(postgres.user()), Optional.empty(), postgres.jdbcUrl(database));
    MaterializationScheduler scheduler = new MaterializationScheduler(
        InMemoryRegistryStore.PROJECT,
        MaterializerConfigParser.parse(section),
        new MaterializationBackEnds(online, offline, registry, 100),
        runs,
        Optional.of(jobStore),
        new SimpleMeterRegistry(),
        Clock.systemUTC(),
        new SchedulerListener() {
          @Override
          public void runStarted(String view, Instant scheduledFireTime, int attempt) {
            fires.add(view + "@" + scheduledFireTime);
          }
        });
    started.add(scheduler);
    scheduler.start();
    return scheduler;
  }

  private long finished(String view) {
    return oldestFirst(view).stream().filter(run -> run.status() != RunStatus.RUNNING).count();
  }

  private List<MaterializationRun> oldestFirst(String view) {
    List<MaterializationRun> history =
        new ArrayList<>(runs.history(InMemoryRegistryStore.PROJECT, Optional.of(view), 1000));
    history.sort(Comparator.comparingLong(MaterializationRun::id));
    return history;
  }

  private long countRows(String sql) throws Exception {
    try (Connection connection = postgres.connect(database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
