package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.ViewRead;
import dev.featurestore.onlinestore.redis.RedisOnlineStore;
import dev.featurestore.onlinestore.redis.RedisOnlineStoreConfig;
import dev.featurestore.registry.config.RepoConfigLoader;
import dev.featurestore.testing.TestingPostgresServer;
import dev.featurestore.testing.TestingRedisServer;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code featurestore stream} following a private PostgreSQL (wal_level=logical) into a private
 * Redis, run as a child JVM so it can be killed with SIGKILL mid-stream.
 */
class StreamCdcIT {
  private static TestingPostgresServer postgres;
  private static TestingRedisServer redis;

  @TempDir Path tmp;

  @BeforeAll
  static void startServers() {
    postgres = TestingPostgresServer.start(true);
    redis = TestingRedisServer.start();
  }

  @AfterAll
  static void stopServers() {
    redis.close();
    postgres.close();
  }

  @Test
  void changesReachTheOnlineStoreWithinASecondAndAKillLosesAndDuplicatesNothing() throws Exception {
    String database = postgres.createDatabase("cdc");
    Path repo = CdcRepo.write(tmp.resolve("repo"), postgres, database, redis, "fs_cdc_it");
    assertThat(CliRun.of("-c", repo.toString(), "apply").exitCode()).isZero();
    RepoConfig config = RepoConfigLoader.load(repo);
    try (Connection db = postgres.connect(database);
        RedisOnlineStore online = new RedisOnlineStore(RedisOnlineStoreConfig.from(config))) {
      CdcRepo.createTables(db);
      Path log = tmp.resolve("stream.log");
      ChildCli child = ChildCli.start(log, "-c", repo.toString(), "stream", "--report-every", "1s");
      try {
        child.awaitOutput("Streaming cdc", Duration.ofSeconds(60));
        awaitSlotActive(db, "fs_cdc_it");

        // The test server commits asynchronously (fast tests), which holds WAL back from logical
        // decoding for up to 200 ms; production databases commit synchronously, and so does this
        // connection. The first change pays the engine's cold start (class loading, connections)
        // and is not timed.
        exec(db, "SET synchronous_commit = on");
        commitAndAwait(db, "INSERT INTO users VALUES ('warm_up', 1, 'DE', now())",
            () -> profile(online, "warm_up"), row -> row != null);

        // Inserts, an update and a delete, each visible within a second of its commit.
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Duration> lags = new ArrayList<>();
        lags.add(commitAndAwait(db, "INSERT INTO users VALUES ('u1', 30, 'DE', '" + t0 + "')",
            () -> profile(online, "u1"), row -> row != null && row.values().get(0).getInt64Val() == 30));
        lags.add(commitAndAwait(db, "INSERT INTO users VALUES ('u2', 41, 'FR', '" + t0 + "')",
            () -> profile(online, "u2"), row -> row != null && row.values().get(1).getStringVal().equals("FR")));
        lags.add(commitAndAwait(db, "UPDATE users SET age = 31, country = 'AT' WHERE user_id = 'u1'",
            () -> profile(online, "u1"), row -> row.values().get(1).getStringVal().equals("AT")));
        lags.add(commitAndAwait(db, "DELETE FROM users WHERE user_id = 'u2'",
            () -> profile(online, "u2"), row -> row == null));
        assertThat(lags).allSatisfy(lag -> assertThat(lag).isLessThan(Duration.ofSeconds(1)));

        // A bad row (a NULL key is no user) is logged and skipped; the next row still arrives.
        exec(db, "ALTER TABLE users DROP CONSTRAINT users_pkey");
        exec(db, "ALTER TABLE users ALTER COLUMN user_id DROP NOT NULL");
        exec(db, "ALTER TABLE users REPLICA IDENTITY FULL");
        exec(db, "INSERT INTO users VALUES (NULL, 50, 'XX', now())");
        // And so is a value of the wrong type: age became text upstream, the view still says Int64.
        exec(db, "ALTER TABLE users ALTER COLUMN age TYPE text");
        exec(db, "INSERT INTO users VALUES ('u4', 'forty', 'PT', now())");
        exec(db, "ALTER TABLE users ALTER COLUMN age TYPE bigint USING CASE WHEN age ~ '^[0-9]+$' THEN age::bigint END");
        commitAndAwait(db, "INSERT INTO users VALUES ('u3', 22, 'IT', now())",
            () -> profile(online, "u3"), row -> row != null);

        // Transactions keep coming while the engine is killed with SIGKILL and started again.
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> writeTransactions(database, writing, written), "txn-writer");
        writer.start();
        while (written.get() < 400) {
          Thread.sleep(20);
        }
        child.kill();
        int atKill = written.get();
        exec(db, "UPDATE users SET age = 32 WHERE user_id = 'u1'");
        while (written.get() < atKill + 600) {
          Thread.sleep(20);
        }
        child = ChildCli.start(log, "-c", repo.toString(), "stream", "--report-every", "1s");
        child.awaitOutput("Streaming cdc", Duration.ofSeconds(60));
        Thread.sleep(1_000);
        writing.set(false);
        writer.join();

        Map<String, long[]> expectedCounts = new HashMap<>();
        Map<String, Double> expectedSums = bruteForce(db, expectedCounts);
        assertThat(expectedCounts).isNotEmpty();
        awaitEqual(online, expectedCounts, expectedSums, Duration.ofSeconds(60));
        assertThat(profile(online, "u1").values().get(0).getInt64Val()).isEqualTo(32);
        assertThat(child.output()).contains("skipped a bad record of source 'users_cdc'")
            .contains("join key 'user_id' is null")
            .contains("column 'age' holds String 'forty', which is not a Int64");
        assertThat(profile(online, "u4")).isNull();
        // SIGTERM: the shutdown hook finishes the batch in progress (the JVM then exits with 143).
        child.stop();
        assertThat(child.output()).endsWith("Stopped.\n");
      } finally {
        child.close();
      }
    }
  }

  private interface Read {
    OnlineRow get();
  }

  private interface Check {
    boolean done(OnlineRow row);
  }

  private static Duration commitAndAwait(Connection db, String sql, Read read, Check check) throws Exception {
    exec(db, sql);
    long committed = System.nanoTime();
    long deadline = committed + Duration.ofSeconds(10).toNanos();
    while (!check.done(read.get())) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not in the online store 10 s after: " + sql);
      }
      Thread.sleep(2);
    }
    return Duration.ofNanos(System.nanoTime() - committed);
  }

  private static OnlineRow profile(RedisOnlineStore online, String user) {
    return online.read(CdcRepo.PROJECT,
        List.of(new ViewRead("user_profile", List.of("age", "country"), List.of(key(user))))).get(0).get(0);
  }

  private static EntityKey key(String user) {
    return EntityKey.newBuilder().addJoinKeys("user_id")
        .addEntityValues(Value.newBuilder().setStringVal(user)).build();
  }

  /** Small transactions of 1-5 rows for 20 users, created up to 30 s before their commit. */
  private static void writeTransactions(String database, AtomicBoolean writing, AtomicInteger written) {
    Random random = new Random(7);
    try (Connection db = postgres.connect(database);
        PreparedStatement insert = db.prepareStatement(
            "INSERT INTO transactions (user_id, amount, created_at) VALUES (?, ?, ?)")) {
      db.setAutoCommit(false);
      while (writing.get()) {
        int rows = 1 + random.nextInt(5);
        for (int i = 0; i < rows; i++) {
          insert.setString(1, "u" + random.nextInt(20));
          insert.setDouble(2, Math.round(random.nextDouble() * 10_000) / 100.0);
          insert.setTimestamp(3, Timestamp.from(Instant.now().minusMillis(random.nextInt(30_000))));
          insert.addBatch();
        }
        insert.executeBatch();
        db.commit();
        written.addAndGet(rows);
        Thread.sleep(2);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Count over 1 h sliding by 10 min and sum over 24 h by 1 h, from every row in the table. */
  private static Map<String, Double> bruteForce(Connection db, Map<String, long[]> counts) throws Exception {
    Map<String, List<Object[]>> byUser = new HashMap<>();
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("SELECT user_id, amount, created_at FROM transactions")) {
      while (rows.next()) {
        byUser.computeIfAbsent(rows.getString(1), u -> new ArrayList<>())
            .add(new Object[] {rows.getDouble(2), rows.getTimestamp(3).toInstant().toEpochMilli()});
      }
    }
    Map<String, Double> sums = new HashMap<>();
    byUser.forEach((user, events) -> {
      long newest = events.stream().mapToLong(e -> (long) e[1]).max().orElseThrow();
      long countEnd = (Math.floorDiv(newest, 600_000L) + 1) * 600_000L;
      long sumEnd = (Math.floorDiv(newest, 3_600_000L) + 1) * 3_600_000L;
      long count = events.stream().filter(e -> (long) e[1] >= countEnd - 3_600_000L && (long) e[1] < countEnd).count();
      double sum = events.stream().filter(e -> (long) e[1] >= sumEnd - 86_400_000L && (long) e[1] < sumEnd)
          .mapToDouble(e -> (double) e[0]).sum();
      counts.put(user, new long[] {count, events.size()});
      sums.put(user, sum);
    });
    return sums;
  }

  private static void awaitEqual(RedisOnlineStore online, Map<String, long[]> counts, Map<String, Double> sums,
      Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String mismatch = "";
    while (System.nanoTime() < deadline) {
      mismatch = "";
      for (String user : counts.keySet()) {
        OnlineRow row = online.read(CdcRepo.PROJECT, List.of(new ViewRead("user_velocity",
            List.of("txn_count_1h", "txn_amount_24h"), List.of(key(user))))).get(0).get(0);
        long count = row == null ? -1 : row.values().get(0).getInt64Val();
        double sum = row == null ? -1 : row.values().get(1).getDoubleVal();
        if (count != counts.get(user)[0] || Math.abs(sum - sums.get(user)) > 1e-6) {
          mismatch += user + ": online count " + count + " sum " + sum + ", expected " + counts.get(user)[0]
              + " and " + sums.get(user) + "; ";
        }
      }
      if (mismatch.isEmpty()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("aggregates differ from the table after " + timeout + ": " + mismatch);
  }

  private static void awaitSlotActive(Connection db, String slot) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      try (Statement statement = db.createStatement();
          ResultSet rows = statement.executeQuery(
              "SELECT active FROM pg_replication_slots WHERE slot_name = '" + slot + "'")) {
        if (rows.next() && rows.getBoolean(1)) {
          return;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("replication slot " + slot + " never became active");
  }

  private static void exec(Connection db, String sql) throws Exception {
    try (Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }
}
