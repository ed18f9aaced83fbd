package dev.featurestore.benchmarks;

import dev.featurestore.core.model.Aggregation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.StreamViewSpec;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.online.ViewRead;
import dev.featurestore.materializer.stream.CdcConfig;
import dev.featurestore.materializer.stream.StandardStreamReaders;
import dev.featurestore.materializer.stream.StreamEngine;
import dev.featurestore.materializer.stream.StreamStatus;
import dev.featurestore.materializer.stream.StreamingConfig;
import dev.featurestore.onlinestore.redis.RedisOnlineStore;
import dev.featurestore.onlinestore.redis.RedisOnlineStoreConfig;
import dev.featurestore.testing.TestingPostgresServer;
import dev.featurestore.testing.TestingRedisServer;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * End-to-end CDC lag and throughput: a private PostgreSQL (wal_level=logical) followed by the
 * stream engine (Debezium, pgoutput) into a private Redis.
 *
 * <ol>
 *   <li><b>Lag</b>: while a background writer inserts transactions at {@code --rate} rows/s (the
 *       windowed velocity view), a probe updates one user row {@code --probes} times (after 20
 *       unrecorded warm-up probes) and measures,
 *       from the moment its COMMIT returns, until a read of the online store sees the new value:
 *       what a caller of the feature server would observe.
 *   <li><b>Throughput</b>: {@code --events} transactions inserted as fast as one connection can
 *       (1,000 rows per commit); sustained events/s = events / (time from the first insert until
 *       the engine has applied the last one).
 * </ol>
 */
public final class CdcLagBenchmark {
  private static final String PROJECT = "bench";
  private static final FeastType INT64 = new FeastType.Primitive(ValueType.INT64, "Int64");
  private static final FeastType FLOAT64 = new FeastType.Primitive(ValueType.DOUBLE, "Float64");
  private static final FeastType STRING = new FeastType.Primitive(ValueType.STRING, "String");

  private CdcLagBenchmark() {}

  record Options(int probes, int rate, int events, Optional<Path> out) {
    static Options parse(String... args) {
      int probes = 500;
      int rate = 1_000;
      int events = 200_000;
      Optional<Path> out = Optional.empty();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--quick" -> {
            probes = 100;
            events = 20_000;
          }
          case "--probes" -> probes = Integer.parseInt(args[++i]);
          case "--rate" -> rate = Integer.parseInt(args[++i]);
          case "--events" -> events = Integer.parseInt(args[++i]);
          case "--out" -> out = Optional.of(Path.of(args[++i]));
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; usage: [--quick] [--probes N] [--rate ROWS_PER_S] [--events N] [--out FILE]");
        }
      }
      return new Options(probes, rate, events, out);
    }
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    MachineInfo machine = MachineInfo.capture();
    Path state = Files.createTempDirectory("cdc-bench");
    try (TestingPostgresServer postgres = TestingPostgresServer.start(true);
        TestingRedisServer redis = TestingRedisServer.start()) {
      String database = postgres.createDatabase("cdc_bench");
      try (Connection db = postgres.connect(database)) {
        exec(db, "CREATE TABLE users (user_id text PRIMARY KEY, age bigint, country text, updated_at timestamptz NOT NULL)");
        exec(db, "CREATE TABLE transactions (transaction_id bigserial PRIMARY KEY, user_id text, amount double precision,"
            + " created_at timestamptz NOT NULL)");
        exec(db, "INSERT INTO users VALUES ('probe', 0, 'DE', now())");
      }
      CdcConfig cdc = new CdcConfig(postgres.host(), postgres.port(), database, postgres.user(), "", "bench", "bench", "never");
      StreamingConfig config = new StreamingConfig(true, state, StreamingConfig.DEFAULT_BATCH_SIZE, null, Optional.of(cdc), Map.of());
      RedisOnlineStoreConfig redisConfig = RedisOnlineStoreConfig.from(repoConfig(redis, state));
      try (RedisOnlineStore online = new RedisOnlineStore(redisConfig);
          StreamEngine engine = StreamEngine.create(PROJECT, contents(), config, online, new SimpleMeterRegistry(),
              new StandardStreamReaders(), Clock.systemUTC())) {
        engine.start();
        awaitRunning(engine);
        String report = lag(postgres, database, online, engine, options) + "\n" + throughput(postgres, database, engine, options);
        String text = header(machine, options) + report;
        System.out.println(text);
        if (options.out().isPresent()) {
          Files.createDirectories(options.out().get().toAbsolutePath().getParent());
          Files.writeString(options.out().get(), text);
        }
      }
    } finally {
      deleteQuietly(state);
    }
  }

  private static String header(MachineInfo machine, Options options) {
    return String.format(Locale.ROOT, """
        ## CDC lag and throughput (PostgreSQL -> Debezium -> stream engine -> Redis)

        Machine: %d cores, %s, %s, %s, load %s. Probes: %d, background load %d rows/s, throughput run %,d events.

        """, machine.cores(), machine.cpuModel(), machine.memory(), machine.jdk(), machine.loadAverage(),
        options.probes(), options.rate(), options.events());
  }

  private static String lag(TestingPostgresServer postgres, String database, RedisOnlineStore online,
      StreamEngine engine, Options options) throws Exception {
    AtomicBoolean loading = new AtomicBoolean(true);
    AtomicLong loaded = new AtomicLong();
    Thread load = new Thread(() -> steadyLoad(postgres, database, options.rate(), loading, loaded), "bench-load");
    load.start();
    Histogram visible = new Histogram(60_000_000_000L, 3);
    try (Connection db = connect(postgres, database);
        PreparedStatement update = db.prepareStatement("UPDATE users SET age = ?, updated_at = now() WHERE user_id = 'probe'")) {
      // The first probes pay for class loading and JIT compilation; they are not recorded.
      int warmUp = 20;
      for (int probe = 1; probe <= warmUp + options.probes(); probe++) {
        update.setLong(1, probe);
        update.executeUpdate();
        long committed = System.nanoTime();
        long deadline = committed + Duration.ofSeconds(30).toNanos();
        while (probeAge(online) != probe) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("probe " + probe + " not visible after 30 s");
          }
          Thread.onSpinWait();
        }
        if (probe > warmUp) {
          visible.recordValue(System.nanoTime() - committed);
        }
        Thread.sleep(20);
      }
    } finally {
      loading.set(false);
      load.join();
    }
    StreamStatus status = engine.status().get(0);
    return String.format(Locale.ROOT, """
        ### Lag from COMMIT to visible in the online store

        | measure | P50 (ms) | P90 (ms) | P99 (ms) | max (ms) |
        |---|---:|---:|---:|---:|
        | commit returned -> read sees the value (%d probes, under %d rows/s of transactions) | %.1f | %.1f | %.1f | %.1f |
        | engine's own lag metric, last minute (source commit time -> online write) | %s | | %s | |

        Background transactions written during the probes: %,d.
        """, options.probes(), options.rate(), ms(visible.getValueAtPercentile(50)), ms(visible.getValueAtPercentile(90)),
        ms(visible.getValueAtPercentile(99)), ms(visible.getMaxValue()),
        status.lagP50().map(d -> String.format(Locale.ROOT, "%.1f", d.toNanos() / 1e6)).orElse("-"),
        status.lagP99().map(d -> String.format(Locale.ROOT, "%.1f", d.toNanos() / 1e6)).orElse("-"),
        loaded.get());
  }

  private static String throughput(TestingPostgresServer postgres, String database, StreamEngine engine, Options options)
      throws Exception {
    long before = engine.status().get(0).eventsWith("applied");
    long started = System.nanoTime();
    long inserted;
    Random random = new Random(1);
    try (Connection db = connect(postgres, database);
        PreparedStatement insert = db.prepareStatement("INSERT INTO transactions (user_id, amount, created_at) VALUES (?, ?, ?)")) {
      db.setAutoCommit(false);
      for (int i = 1; i <= options.events(); i++) {
        insert.setString(1, String.format("user_%05d", random.nextInt(10_000)));
        insert.setDouble(2, random.nextInt(50_000) / 100.0);
        insert.setTimestamp(3, java.sql.Timestamp.from(Instant.now()));
        insert.addBatch();
        if (i % 1_000 == 0) {
          insert.executeBatch();
          db.commit();
        }
      }
      insert.executeBatch();
      db.commit();
    }
    inserted = System.nanoTime() - started;
    long target = before + options.events();
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (engine.status().get(0).eventsWith("applied") < target) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the engine applied " + engine.status().get(0).eventsWith("applied")
            + " of " + target + " events in 10 minutes");
      }
      Thread.sleep(10);
    }
    long applied = System.nanoTime() - started;
    return String.format(Locale.ROOT, """
        ### Sustained throughput

        | path | events | time (s) | events/s |
        |---|---:|---:|---:|
        | INSERT by one JDBC connection (1,000 rows per commit) | %,d | %.2f | %,.0f |
        | ... until the engine applied all (windows of 10,000 users, Redis writes, checkpoints) | %,d | %.2f | %,.0f |

        Ratio engine / insert rate: %.2f (1.00 = the engine keeps up with the writer).
        """, options.events(), inserted / 1e9, options.events() / (inserted / 1e9), options.events(), applied / 1e9,
        options.events() / (applied / 1e9), (double) inserted / applied);
  }

  private static void steadyLoad(TestingPostgresServer postgres, String database, int rate, AtomicBoolean loading,
      AtomicLong loaded) {
    Random random = new Random(2);
    long intervalNanos = 10_000_000L; // a hundred commits a second, rate/100 rows each
    try (Connection db = connect(postgres, database);
        PreparedStatement insert = db.prepareStatement("INSERT INTO transactions (user_id, amount, created_at) VALUES (?, ?, ?)")) {
      db.setAutoCommit(false);
      long next = System.nanoTime();
      while (loading.get()) {
        int rows = Math.max(1, rate / 100);
        for (int i = 0; i < rows; i++) {
          insert.setString(1, String.format("user_%05d", random.nextInt(10_000)));
          insert.setDouble(2, random.nextInt(50_000) / 100.0);
          insert.setTimestamp(3, java.sql.Timestamp.from(Instant.now()));
          insert.addBatch();
        }
        insert.executeBatch();
        db.commit();
        loaded.addAndGet(rows);
        next += intervalNanos;
        long sleep = next - System.nanoTime();
        if (sleep > 0) {
          Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static long probeAge(RedisOnlineStore online) {
    EntityKey key = EntityKey.newBuilder().addJoinKeys("user_id")
        .addEntityValues(Value.newBuilder().setStringVal("probe")).build();
    var row = online.read(PROJECT, List.of(new ViewRead("user_profile", List.of("age"), List.of(key)))).get(0).get(0);
    return row == null ? -1 : row.values().get(0).getInt64Val();
  }

  private static void awaitRunning(StreamEngine engine) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!engine.status().get(0).running()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the CDC stream did not start: " + engine.status().get(0).lastError());
      }
      Thread.sleep(50);
    }
    Thread.sleep(1_000); // the slot is created as the connector starts streaming
  }

  private static RepoContents contents() {
    Entity user = new Entity("user", "user_id", Optional.of(ValueType.STRING), Metadata.EMPTY);
    Field userId = Field.of("user_id", STRING);
    DataSource users = new DataSource("users_cdc", "updated_at", "", "", Map.of(), Metadata.EMPTY,
        new DataSource.PostgresCdcOptions("public.users", Duration.ZERO, batch("users_batch", "updated_at")));
    DataSource transactions = new DataSource("transactions_cdc", "created_at", "", "", Map.of(), Metadata.EMPTY,
        new DataSource.PostgresCdcOptions("public.transactions", Duration.ofMinutes(5), batch("transactions_batch", "created_at")));
    FeatureView profile = new FeatureView("user_profile", List.of("user"),
        List.of(Field.of("age", INT64), Field.of("country", STRING)), List.of(userId), Duration.ZERO, true, false,
        users.batchSource().orElseThrow(), Optional.of(users), Metadata.EMPTY);
    List<Aggregation> aggregations = List.of(
        new Aggregation("amount", "count", Duration.ofHours(1), Duration.ofMinutes(10), "txn_count_1h"),
        new Aggregation("amount", "count", Duration.ofHours(24), Duration.ofHours(1), "txn_count_24h"),
        new Aggregation("amount", "sum", Duration.ofHours(24), Duration.ofHours(1), "txn_amount_24h"));
    FeatureView velocity = new FeatureView("user_transaction_velocity", List.of("user"),
        List.of(Field.of("txn_count_1h", INT64), Field.of("txn_count_24h", INT64), Field.of("txn_amount_24h", FLOAT64)),
        List.of(userId), Duration.ofDays(2), true, false, transactions.batchSource().orElseThrow(),
        Optional.of(transactions), Metadata.EMPTY,
        Optional.of(new StreamViewSpec("python", "created_at", aggregations, false, null)));
    return new RepoContents(new Project(PROJECT, Metadata.EMPTY), List.of(user), List.of(users, transactions),
        List.of(profile, velocity), List.of(), List.of(), List.of());
  }

  private static DataSource batch(String name, String timestampField) {
    return new DataSource(name, timestampField, "", "", Map.of(), Metadata.EMPTY,
        new DataSource.FileOptions("data/" + name + ".parquet", null, null));
  }

  private static dev.featurestore.core.config.RepoConfig repoConfig(TestingRedisServer redis, Path dir) {
    return new dev.featurestore.core.config.RepoConfig(PROJECT, "local",
        new dev.featurestore.core.config.RegistryConfig("sql", "sqlite:///registry.db", null, null, false),
        new dev.featurestore.core.config.StoreConfig("online_store", "redis", Map.of("connection_string", redis.connectionString())),
        new dev.featurestore.core.config.StoreConfig("offline_store", "file", Map.of()),
        3, Map.of(), Map.of(), Map.of(), Map.of(), dir, List.of());
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /**
   * The test server runs with {@code synchronous_commit=off} (fast tests), which holds WAL back for
   * up to {@code wal_writer_delay} (200 ms) before logical decoding may send it; production
   * servers commit synchronously, so the benchmark's writers do too.
   */
  private static Connection connect(TestingPostgresServer postgres, String database) throws Exception {
    Connection db = postgres.connect(database);
    exec(db, "SET synchronous_commit = on");
    return db;
  }

  private static void exec(Connection db, String sql) throws Exception {
    try (Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp folder; the OS cleans it eventually
    }
  }
}
