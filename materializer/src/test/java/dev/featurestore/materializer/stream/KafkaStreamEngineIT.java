package dev.featurestore.materializer.stream;

import static dev.featurestore.materializer.stream.StreamFixtures.INT64;
import static dev.featurestore.materializer.stream.StreamFixtures.FLOAT64;
import static dev.featurestore.materializer.stream.StreamFixtures.PROJECT;
import static dev.featurestore.materializer.stream.StreamFixtures.STRING;
import static dev.featurestore.materializer.stream.StreamFixtures.USER;
import static dev.featurestore.materializer.stream.StreamFixtures.USER_ID;
import static dev.featurestore.materializer.stream.StreamFixtures.batch;
import static dev.featurestore.materializer.stream.StreamFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.model.Aggregation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.StreamViewSpec;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.onlinestore.redis.RedisOnlineStore;
import dev.featurestore.onlinestore.redis.RedisOnlineStoreConfig;
import dev.featurestore.testing.TestingKafkaCluster;
import dev.featurestore.testing.TestingRedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine reading Feast KafkaSources from a real KRaft broker into a real Redis: push-style rows
 * for a plain view, windowed aggregates for a stream feature view, and a restart on the same
 * checkpoints that neither loses nor double-counts a message.
 */
class KafkaStreamEngineIT {
  private static TestingKafkaCluster kafka;
  private static TestingRedisServer redis;

  @TempDir Path state;

  @BeforeAll
  static void start() {
    kafka = TestingKafkaCluster.start();
    redis = TestingRedisServer.start();
    kafka.createTopic("profiles", 1);
    kafka.createTopic("transactions", 3);
  }

  @AfterAll
  static void stop() {
    redis.close();
    kafka.close();
  }

  private static DataSource kafkaSource(String name, String topic, String timestampField, String schema) {
    return new DataSource(name, timestampField, "", "", Map.of(), Metadata.EMPTY,
        new DataSource.KafkaOptions(kafka.bootstrapServers(), topic, "json", schema, Duration.ofMinutes(10),
            batch(name + "_batch")));
  }

  private static final List<Aggregation> AGGREGATIONS = List.of(
      new Aggregation("amount", "count", Duration.ofHours(1), Duration.ofMinutes(10), "txn_count_1h"),
      new Aggregation("amount", "sum", Duration.ofHours(24), Duration.ofHours(1), "txn_amount_24h"));

  private RepoContents contents(DataSource profiles, DataSource transactions) {
    FeatureView profile = new FeatureView("user_profile", List.of("user"),
        List.of(Field.of("age", INT64), Field.of("country", STRING)), List.of(USER_ID), Duration.ZERO, true, false,
        profiles.batchSource().orElseThrow(), Optional.of(profiles), Metadata.EMPTY);
    FeatureView velocity = new FeatureView("user_velocity", List.of("user"),
        List.of(Field.of("txn_count_1h", INT64), Field.of("txn_amount_24h", FLOAT64)), List.of(USER_ID),
        Duration.ofDays(2), true, false, transactions.batchSource().orElseThrow(), Optional.of(transactions),
        Metadata.EMPTY, Optional.of(new StreamViewSpec("python", "", AGGREGATIONS, false, null)));
    return new RepoContents(new Project(PROJECT, Metadata.EMPTY), List.of(USER), List.of(profiles, transactions),
        List.of(profile, velocity), List.of(), List.of(), List.of());
  }

  private StreamEngine engine(RepoContents contents, RedisOnlineStore online) {
    StreamingConfig config = new StreamingConfig(true, state, 500, null, Optional.empty(), Map.of());
    return StreamEngine.create(PROJECT, contents, config, online, new SimpleMeterRegistry(),
        new StandardStreamReaders(), Clock.systemUTC());
  }

  @Test
  void kafkaMessagesFeedPlainAndWindowedViewsAndARestartCountsEachMessageOnce() throws Exception {
    DataSource profiles = kafkaSource("profile_events", "profiles", "event_time", "");
    DataSource transactions = kafkaSource("transaction_events", "transactions", "created_at",
        "user_id string, amount double, created_at timestamp");
    RepoContents contents = contents(profiles, transactions);
    RepoConfig repo = new RepoConfig(PROJECT, "local", new RegistryConfig("sql", "sqlite:///r.db", null, null, false),
        new StoreConfig("online_store", "redis", Map.of("connection_string", redis.connectionString())),
        new StoreConfig("offline_store", "file", Map.of()), 3, Map.of(), Map.of(), Map.of(), Map.of(), state, List.of());
    Map<String, List<double[]>> sent = new HashMap<>();
    Random random = new Random(3);
    Instant base = Instant.now().minus(Duration.ofMinutes(30));
    try (RedisOnlineStore online = new RedisOnlineStore(RedisOnlineStoreConfig.from(repo))) {
      try (StreamEngine engine = engine(contents, online)) {
        engine.start();
        kafka.produce("profiles", "u1", "{\"user_id\": \"u1\", \"age\": 30, \"country\": \"DE\", \"event_time\": \"" + base + "\"}");
        kafka.produce("profiles", "u1", "{\"user_id\": \"u1\", \"age\": \"old\", \"country\": \"DE\", \"event_time\": \"" + base + "\"}");
        kafka.produce("profiles", "u2", "not json");
        kafka.produce("profiles", "u1", "{\"user_id\": \"u1\", \"age\": 31, \"country\": \"AT\", \"event_time\": \"" + base + "\"}");
        produceTransactions(300, random, base, sent);
        awaitAggregates(online, contents, sent);
        OnlineRow u1 = read(online, contents.featureView("user_profile").orElseThrow(), "u1");
        assertThat(u1.values().get(0).getInt64Val()).isEqualTo(31);
        assertThat(u1.values().get(1).getStringVal()).isEqualTo("AT");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (applied(engine, "profile_events") < 2 && System.nanoTime() < deadline) {
          Thread.sleep(20); // counted once the checkpoint is committed, after the online write
        }
        StreamStatus profileStream = engine.status().stream().filter(s -> s.name().equals("profile_events")).findFirst()
            .orElseThrow();
        assertThat(profileStream.kind()).isEqualTo("Kafka");
        assertThat(profileStream.eventsWith("applied")).isEqualTo(2);
        assertThat(profileStream.eventsWith("bad")).isEqualTo(2);
      }
      // Messages produced while the engine is down are read after the restart, once.
      produceTransactions(300, random, base, sent);
      try (StreamEngine engine = engine(contents, online)) {
        engine.start();
        produceTransactions(100, random, base, sent);
        awaitAggregates(online, contents, sent);
        // Counted once the batch's checkpoint is committed, a moment after its online write.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (applied(engine, "transaction_events") < 400 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(applied(engine, "transaction_events")).isEqualTo(400);
      }
    }
  }

  private static long applied(StreamEngine engine, String stream) {
    return engine.status().stream().filter(s -> s.name().equals(stream)).findFirst().orElseThrow()
        .eventsWith("applied");
  }

  private static void produceTransactions(int n, Random random, Instant base, Map<String, List<double[]>> sent) {
    for (int i = 0; i < n; i++) {
      String user = "u" + random.nextInt(8);
      double amount = random.nextInt(10_000) / 100.0;
      Instant created = base.plusSeconds(random.nextInt(300)); // within the 10 min lateness
      kafka.produce("transactions", user, "{\"user_id\": \"" + user + "\", \"amount\": " + amount
          + ", \"created_at\": \"" + created + "\"}");
      sent.computeIfAbsent(user, u -> new ArrayList<>()).add(new double[] {amount, created.toEpochMilli()});
    }
  }

  private static void awaitAggregates(RedisOnlineStore online, RepoContents contents, Map<String, List<double[]>> sent)
      throws InterruptedException {
    FeatureView velocity = contents.featureView("user_velocity").orElseThrow();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    AssertionError last = null;
    while (System.nanoTime() < deadline) {
      try {
        for (Map.Entry<String, List<double[]>> user : sent.entrySet()) {
          long newest = user.getValue().stream().mapToLong(e -> (long) e[1]).max().orElseThrow();
          long countEnd = (Math.floorDiv(newest, 600_000L) + 1) * 600_000L;
          long sumEnd = (Math.floorDiv(newest, 3_600_000L) + 1) * 3_600_000L;
          long count = user.getValue().stream().filter(e -> e[1] >= countEnd - 3_600_000L && e[1] < countEnd).count();
          double sum = user.getValue().stream().filter(e -> e[1] >= sumEnd - 86_400_000L && e[1] < sumEnd)
              .mapToDouble(e -> e[0]).sum();
          OnlineRow row = read(online, velocity, user.getKey());
          assertThat(row).as(user.getKey()).isNotNull();
          assertThat(row.values().get(0).getInt64Val()).as(user.getKey() + " count").isEqualTo(count);
          assertThat(row.values().get(1).getDoubleVal()).as(user.getKey() + " sum").isCloseTo(sum, within(1e-6));
        }
        return;
      } catch (AssertionError e) {
        last = e;
        Thread.sleep(200);
      }
    }
    throw last;
  }
}
