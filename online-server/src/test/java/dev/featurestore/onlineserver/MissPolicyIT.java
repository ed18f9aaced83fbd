package dev.featurestore.onlineserver;

import static dev.featurestore.onlineserver.TestingRepo.i64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.offlinestore.file.DuckDbOfflineStore;
import dev.featurestore.onlineserver.serving.RegistrySnapshotSource;
import dev.featurestore.onlinestore.sqlite.SqliteOnlineStoreFactory;
import feast.proto.serving.ServingAPIProto.FeatureList;
import feast.proto.serving.ServingAPIProto.FieldStatus;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesRequest;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse;
import feast.proto.serving.ServingServiceGrpc;
import feast.proto.types.ValueProto.RepeatedValue;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The miss policies end to end: a SQLite online store that lacks drivers 2001 and 2002, and a
 * DuckDB offline store over a Parquet file (written here) that has them.
 */
class MissPolicyIT {
  @TempDir Path repo;
  private OnlineStore online;
  private OfflineStore offline;
  private OnlineServer server;
  private ManagedChannel channel;
  private ServingServiceGrpc.ServingServiceBlockingStub serving;

  @BeforeEach
  void stores() throws Exception {
    Path file = repo.resolve("data/driver_stats.parquet");
    Files.createDirectories(file.getParent());
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("COPY (SELECT * FROM (VALUES"
          + " (2001, CAST(0.75 AS FLOAT), CAST(0.5 AS FLOAT), 11, TIMESTAMPTZ '2024-01-15 12:00:00+00', TIMESTAMPTZ '2024-01-15 12:00:00+00'),"
          + " (2002, CAST(0.25 AS FLOAT), CAST(0.5 AS FLOAT), 12, TIMESTAMPTZ '2024-01-15 11:00:00+00', TIMESTAMPTZ '2024-01-15 11:00:00+00'),"
          + " (2003, CAST(0.1 AS FLOAT), CAST(0.5 AS FLOAT), 13, TIMESTAMPTZ '2023-01-01 00:00:00+00', TIMESTAMPTZ '2023-01-01 00:00:00+00'))"
          + " AS t(driver_id, conv_rate, acc_rate, avg_daily_trips, event_timestamp, created))"
          + " TO '" + file + "' (FORMAT parquet)");
    }
    RepoConfig config = new RepoConfig(TestingRepo.PROJECT, "local",
        new RegistryConfig("file", "data/registry.db", Duration.ofSeconds(600), "sync", false),
        new StoreConfig("online_store", "sqlite", Map.of("path", "data/online.db")),
        new StoreConfig("offline_store", "file", Map.of()), 3, Map.of(), Map.of(), Map.of(), Map.of(), repo, List.of());
    online = new SqliteOnlineStoreFactory().create(config);
    offline = new DuckDbOfflineStore(config);
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
    online.close();
    offline.close();
  }

  @Test
  void backfillAnswersNotFoundThenLoadsTheEntityForTheNextRequest() throws Exception {
    start(Map.of("type", "backfill"), offline);

    assertThat(convRate(2001).getStatuses(0)).isEqualTo(FieldStatus.NOT_FOUND);

    GetOnlineFeaturesResponse.FeatureVector later = pollUntilPresent(2001, Duration.ofSeconds(1));
    assertThat(later.getValues(0).getFloatVal()).isEqualTo(0.75f);
    assertThat(later.getEventTimestamps(0).getSeconds()).isEqualTo(TestingRepo.FRESH.getSeconds());
    assertThat(counter("featurestore.miss.backfills", "written")).isEqualTo(1);
  }

  @Test
  void backfillOutsideTheTtlFindsNothing() throws Exception {
    start(Map.of("type", "backfill"), offline);

    assertThat(convRate(2003).getStatuses(0)).isEqualTo(FieldStatus.NOT_FOUND);

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (counter("featurestore.miss.backfills", "not_found") == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(counter("featurestore.miss.backfills", "not_found")).isEqualTo(1);
    assertThat(convRate(2003).getStatuses(0)).isEqualTo(FieldStatus.NOT_FOUND);
  }

  @Test
  void readThroughAnswersTheFirstRequestAndWritesTheRowBack() throws Exception {
    start(Map.of("type", "read_through", "deadline_ms", 5000), offline);

    GetOnlineFeaturesResponse.FeatureVector first = convRate(2002);

    assertThat(first.getStatuses(0)).isEqualTo(FieldStatus.PRESENT);
    assertThat(first.getValues(0).getFloatVal()).isEqualTo(0.25f);
    assertThat(counter("featurestore.read.through", "found")).isEqualTo(1);
    assertThat(counter(meters(), "featurestore.online.store.misses")).isEqualTo(1);
    // Written back, so a later request is an online hit and does not read through again.
    long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (counter(meters(), "featurestore.online.store.hits") == 0 && System.nanoTime() < deadline) {
      assertThat(convRate(2002).getStatuses(0)).isEqualTo(FieldStatus.PRESENT);
      Thread.sleep(20);
    }
    assertThat(counter(meters(), "featurestore.online.store.hits")).isPositive();
  }

  @Test
  void readThroughPastTheDeadlineAnswersNotFoundInTime() throws Exception {
    start(Map.of("type", "read_through", "deadline_ms", 100), new SlowOfflineStore(offline, 2000));

    long started = System.nanoTime();
    GetOnlineFeaturesResponse.FeatureVector answer = convRate(2001);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(answer.getStatuses(0)).isEqualTo(FieldStatus.NOT_FOUND);
    assertThat(millis).isLessThan(100 + 400);
    assertThat(counter("featurestore.read.through", "timeout")).isEqualTo(1);
  }

  @Test
  void policyNoneNeverTouchesTheOfflineStore() throws Exception {
    CountingOfflineStore counting = new CountingOfflineStore(offline);
    OnlineServerConfig config = OnlineServerConfig.from(Map.of("rest_port", 0, "grpc_port", 0, "host", "127.0.0.1",
        "deadline_ms", 2000));
    server = OnlineServer.start(config, RegistrySnapshotSource.fixed(TestingRepo.contents()), online, counting,
        Clock.fixed(TestingRepo.NOW, ZoneOffset.UTC));
    connect();

    assertThat(convRate(2001).getStatuses(0)).isEqualTo(FieldStatus.NOT_FOUND);
    Thread.sleep(300);
    assertThat(convRate(2001).getStatuses(0)).isEqualTo(FieldStatus.NOT_FOUND);
    assertThat(counting.pulls.get()).isZero();
    assertThat(server.meterRegistry().find("featurestore.miss.backfills").counters()).isEmpty();
  }

  private void start(Map<String, Object> policy, OfflineStore offlineStore) {
    OnlineServerConfig config = OnlineServerConfig.from(Map.of("rest_port", 0, "grpc_port", 0, "host", "127.0.0.1",
        "deadline_ms", 2000, "miss_policy", policy));
    server = OnlineServer.start(config, RegistrySnapshotSource.fixed(TestingRepo.contents()), online, offlineStore,
        Clock.fixed(TestingRepo.NOW, ZoneOffset.UTC));
    connect();
  }

  private void connect() {
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    serving = ServingServiceGrpc.newBlockingStub(channel);
  }

  private GetOnlineFeaturesResponse.FeatureVector convRate(long driver) {
    return serving.getOnlineFeatures(GetOnlineFeaturesRequest.newBuilder()
        .setFeatures(FeatureList.newBuilder().addVal("driver_hourly_stats:conv_rate"))
        .putEntities("driver_id", RepeatedValue.newBuilder().addVal(i64(driver)).build())
        .build()).getResults(1);
  }

  private GetOnlineFeaturesResponse.FeatureVector pollUntilPresent(long driver, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    GetOnlineFeaturesResponse.FeatureVector answer = convRate(driver);
    while (answer.getStatuses(0) != FieldStatus.PRESENT && System.nanoTime() < deadline) {
      Thread.sleep(10);
      answer = convRate(driver);
    }
    assertThat(answer.getStatuses(0)).as("status within " + within).isEqualTo(FieldStatus.PRESENT);
    return answer;
  }

  private double counter(String name, String outcome) {
    var found = server.meterRegistry().find(name).tag("feature_view", "driver_hourly_stats")
        .tag("outcome", outcome).counter();
    return found == null ? 0 : found.count();
  }

  private io.micrometer.core.instrument.MeterRegistry meters() {
    return server.meterRegistry();
  }

  private static double counter(io.micrometer.core.instrument.MeterRegistry registry, String name) {
    var found = registry.find(name).tag("feature_view", "driver_hourly_stats").counter();
    return found == null ? 0 : found.count();
  }

  /** A real offline store that answers late, as one under load would. */
  private static final class SlowOfflineStore extends DelegatingOfflineStore {
    private final long sleepMillis;

    SlowOfflineStore(OfflineStore delegate, long sleepMillis) {
      super(delegate);
      this.sleepMillis = sleepMillis;
    }

    @Override
    public OfflineRowStream pullLatest(PullLatestRequest request) {
      try {
        Thread.sleep(sleepMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      return super.pullLatest(request);
    }
  }

  /** Counts pulls of a real offline store. */
  private static final class CountingOfflineStore extends DelegatingOfflineStore {
    final AtomicInteger pulls = new AtomicInteger();

    CountingOfflineStore(OfflineStore delegate) {
      super(delegate);
    }

    @Override
    public OfflineRowStream pullLatest(PullLatestRequest request) {
      pulls.incrementAndGet();
      return super.pullLatest(request);
    }
  }

  private abstract static class DelegatingOfflineStore implements OfflineStore {
    private final OfflineStore delegate;

    DelegatingOfflineStore(OfflineStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void checkPull(PullLatestRequest request) {
      delegate.checkPull(request);
    }

    @Override
    public OfflineRowStream pullLatest(PullLatestRequest request) {
      return delegate.pullLatest(request);
    }

    @Override
    public void close() {}
  }
}
