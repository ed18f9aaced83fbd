package dev.featurestore.benchmarks;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.materialize.MaterializationEngine;
import dev.featurestore.core.materialize.MaterializationListener;
import dev.featurestore.core.materialize.MaterializationResult;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.online.EntityKeySerializer;
import dev.featurestore.core.online.RedisKeys;
import dev.featurestore.core.proto.FeastTypeMapper;
import dev.featurestore.core.proto.RegistryProtoMapper;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.offlinestore.file.DuckDbOfflineStore;
import dev.featurestore.onlinestore.redis.RedisConnectionString;
import dev.featurestore.onlinestore.redis.RedisOnlineStore;
import dev.featurestore.onlinestore.redis.RedisOnlineStoreConfig;
import dev.featurestore.registry.RegistryStores;
import dev.featurestore.testing.TestingRedisServer;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Materialization into Redis against the same bytes written by hand: N entity rows x 10 features
 * in a Parquet file (made by DuckDB), a private Redis, then (1) {@link MaterializationEngine} from
 * {@link DuckDbOfflineStore} into {@link RedisOnlineStore} and (2) the same hashes (same keys,
 * fields and value bytes) written with pipelined {@code HSET}s of the same batch size. The raw
 * run builds its bytes while it writes, as the engine must; it skips the engine's read of the
 * Parquet file and the store's timestamp check ({@code HMGET} before each batch), which is the
 * cost being measured. Reports rows/s of both, their ratio and the peak heap used.
 *
 * <p>{@code --rows N} (default 1 000 000), {@code --quick} (50 000), {@code --batch N} (rows per
 * online write, default 1000 as Feast's {@code online_write_batch_size}), {@code --out FILE}.
 */
public final class MaterializationBenchmark {
  static final int FEATURES = 10;
  static final String PROJECT = "bench";
  static final String VIEW = "user_stats";
  private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant START = BASE.minus(Duration.ofDays(1));
  private static final Instant END = BASE.plus(Duration.ofDays(2));

  private MaterializationBenchmark() {}

  /** The run's parameters. */
  record Options(int rows, int batch, Optional<Path> out) {
    static Options parse(String... args) {
      int rows = 1_000_000;
      int batch = 1000;
      Optional<Path> out = Optional.empty();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--quick" -> rows = 50_000;
          case "--rows" -> rows = positive(args, ++i);
          case "--batch" -> batch = positive(args, ++i);
          case "--out" -> out = Optional.of(Path.of(value(args, ++i)));
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; usage: [--rows N | --quick] [--batch N] [--out FILE]");
        }
      }
      return new Options(rows, batch, out);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }

    private static int positive(String[] args, int i) {
      String text = value(args, i).replace("_", "");
      try {
        int n = Integer.parseInt(text);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(args[i - 1] + " needs a positive integer, got " + args[i]);
    }
  }

  /** What one run measured. */
  record Result(int rows, int batch, double engineRowsPerSecond, double rawRowsPerSecond, long enginePeakHeapBytes,
      long rawPeakHeapBytes, long enginePeakLiveBytes, long rawPeakLiveBytes, Duration engineElapsed,
      Duration rawElapsed) {
    double ratio() {
      return engineRowsPerSecond / rawRowsPerSecond;
    }

    String report() {
      return String.format(Locale.ROOT, """
          | path | rows | batch | time (s) | rows/s | peak heap used (MB) | peak live after GC (MB) |
          |---|---:|---:|---:|---:|---:|---:|
          | MaterializationEngine (DuckDB Parquet -> RedisOnlineStore) | %,d | %d | %.2f | %,.0f | %d | %d |
          | raw pipelined HSET (Jedis, same bytes) | %,d | %d | %.2f | %,.0f | %d | %d |

          Engine / raw: %.2f (target: at least 0.50) -> %s
          """, rows, batch, engineElapsed.toMillis() / 1000.0, engineRowsPerSecond, enginePeakHeapBytes >> 20,
          enginePeakLiveBytes >> 20, rows, batch, rawElapsed.toMillis() / 1000.0, rawRowsPerSecond,
          rawPeakHeapBytes >> 20, rawPeakLiveBytes >> 20,
          ratio(), ratio() >= 0.5 ? "met" : "NOT met");
    }
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Result result = run(options);
    System.out.println(result.report());
    if (options.out().isPresent()) {
      Path out = options.out().get();
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.writeString(out, result.report());
    }
    System.exit(0);
  }

  static Result run(Options options) throws Exception {
    Path repo = Files.createTempDirectory("materialization-benchmark");
    try (TestingRedisServer redis = TestingRedisServer.start()) {
      String address = redis.host() + ":" + redis.port();
      RepoConfig config = new RepoConfig(PROJECT, "local",
          new RegistryConfig("file", repo.resolve("data/registry.db").toString(), null, null, false),
          new StoreConfig("online_store", "redis", Map.of("connection_string", address)),
          new StoreConfig("offline_store", "file", Map.of()),
          3, Map.of(), Map.of(), Map.of(), Map.of(), repo, List.of());
      long started = System.nanoTime();
      writeParquet(repo.resolve("data/user_stats.parquet"), options.rows());
      log("wrote %,d rows x %d features to Parquet in %d ms", options.rows(), FEATURES,
          (System.nanoTime() - started) / 1_000_000);

      Duration engineElapsed;
      long enginePeak;
      long engineLive;
      try (RegistryStore registry = RegistryStores.open(config);
          DuckDbOfflineStore offline = new DuckDbOfflineStore(config);
          RedisOnlineStore online = new RedisOnlineStore(new RedisOnlineStoreConfig(
              RedisOnlineStoreConfig.RedisType.REDIS, RedisConnectionString.parse(address), "mymaster",
              OptionalInt.empty(), false, 3, 2000, 2000, 64))) {
        apply(registry);
        MaterializationEngine engine = new MaterializationEngine(online, offline, registry, Clock.systemUTC(),
            MaterializationListener.NONE, options.batch());
        // A small warm-up run over a narrow window, then a fresh Redis for the measured one.
        engine.materialize(PROJECT, List.of(VIEW), BASE, BASE.plusSeconds(600));
        redis.flushAll();
        try (HeapSampler heap = HeapSampler.start()) {
          started = System.nanoTime();
          MaterializationResult result = engine.materialize(PROJECT, List.of(VIEW), START, END);
          engineElapsed = Duration.ofNanos(System.nanoTime() - started);
          enginePeak = heap.peak();
          engineLive = heap.peakLive();
          if (result.totalRows() != options.rows()) {
            throw new IllegalStateException("the engine wrote " + result.totalRows() + " rows, not " + options.rows());
          }
        }
      }
      log("engine: %,d rows in %d ms", options.rows(), engineElapsed.toMillis());
      Map<String, byte[]> engineSample = sample(redis, options.rows());
      redis.flushAll();

      Duration rawElapsed;
      long rawPeak;
      long rawLive;
      try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
        rawHset(jedis, Math.min(options.rows(), 10_000), options.batch()); // warm-up
        jedis.flushAll();
        try (HeapSampler heap = HeapSampler.start()) {
          started = System.nanoTime();
          rawHset(jedis, options.rows(), options.batch());
          rawElapsed = Duration.ofNanos(System.nanoTime() - started);
          rawPeak = heap.peak();
          rawLive = heap.peakLive();
        }
      }
      log("raw HSET: %,d rows in %d ms", options.rows(), rawElapsed.toMillis());
      Map<String, byte[]> rawSample = sample(redis, options.rows());
      if (!equal(engineSample, rawSample)) {
        throw new IllegalStateException("the raw writer did not write the bytes the engine wrote: " + engineSample.keySet()
            + " vs " + rawSample.keySet());
      }
      return new Result(options.rows(), options.batch(), rate(options.rows(), engineElapsed),
          rate(options.rows(), rawElapsed), enginePeak, rawPeak, engineLive, rawLive, engineElapsed, rawElapsed);
    } finally {
      deleteTree(repo);
    }
  }

  /** The sample view: entity {@code user} on INT64 {@code user_id}; f0..f9, FLOAT64 even, INT64 odd. */
  static RepoContents contents() {
    Field userId = Field.of("user_id", FeastTypeMapper.primitive(ValueType.INT64));
    List<Field> features = new ArrayList<>();
    for (int k = 0; k < FEATURES; k++) {
      features.add(Field.of("f" + k, FeastTypeMapper.primitive(k % 2 == 0 ? ValueType.DOUBLE : ValueType.INT64)));
    }
    DataSource source = new DataSource("user_stats_source", "event_timestamp", "", "", Map.of(), null,
        new DataSource.FileOptions("data/user_stats.parquet", null, null));
    FeatureView view = new FeatureView(VIEW, List.of("user"), features, List.of(userId), Duration.ZERO, true, false,
        source, Optional.empty(), null);
    return new RepoContents(new Project(PROJECT, Metadata.EMPTY),
        List.of(new Entity("user", "user_id", Optional.of(ValueType.INT64), null)),
        List.of(source), List.of(view), List.of(), List.of(), List.of());
  }

  private static void apply(RegistryStore registry) {
    List<RegistryChange> changes = new ArrayList<>();
    RegistryProtoMapper.toRegistryObjects(contents()).forEach(object -> changes.add(new RegistryChange(
        RegistryChange.Type.CREATE, object.kind(), object.name(), Optional.of(object.proto()), "benchmark")));
    registry.apply(PROJECT, changes, Instant.now());
  }

  /** Row i: user_id i, one event per entity within BASE's day; the same formulas as {@link #rawHset}. */
  private static void writeParquet(Path file, int rows) throws IOException, SQLException {
    Files.createDirectories(file.getParent());
    StringBuilder select = new StringBuilder("SELECT i AS user_id, TIMESTAMPTZ '2024-01-01 00:00:00+00'"
        + " + to_seconds(i % 86400) AS event_timestamp");
    for (int k = 0; k < FEATURES; k++) {
      select.append(k % 2 == 0
          ? ", CAST((i % 1000) AS DOUBLE) / 8.0 + " + k + " AS f" + k
          : ", CAST(i * 31 + " + k + " AS BIGINT) AS f" + k);
    }
    select.append(" FROM range(").append(rows).append(") t(i)");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
    }
  }

  /** The hashes the engine writes, built and sent the way a hand-written loader would. */
  static void rawHset(Jedis jedis, int rows, int batch) {
    EntityKeySerializer serializer = new EntityKeySerializer(RepoConfig.DEFAULT_ENTITY_KEY_SERIALIZATION_VERSION);
    byte[] tsField = RedisKeys.timestampField(VIEW);
    byte[][] fields = new byte[FEATURES][];
    for (int k = 0; k < FEATURES; k++) {
      fields[k] = RedisKeys.featureField(VIEW, "f" + k);
    }
    for (int from = 0; from < rows; from += batch) {
      Pipeline pipeline = jedis.pipelined();
      for (int i = from; i < Math.min(rows, from + batch); i++) {
        pipeline.hset(key(serializer, i), hash(tsField, fields, i));
      }
      pipeline.sync();
    }
  }

  private static byte[] key(EntityKeySerializer serializer, long i) {
    EntityKey key = EntityKey.newBuilder().addJoinKeys("user_id")
        .addEntityValues(Value.newBuilder().setInt64Val(i)).build();
    return RedisKeys.hashKey(serializer.serialize(key), PROJECT);
  }

  private static Map<byte[], byte[]> hash(byte[] tsField, byte[][] fields, long i) {
    Map<byte[], byte[]> hash = new LinkedHashMap<>();
    hash.put(tsField, Timestamp.newBuilder().setSeconds(BASE.getEpochSecond() + i % 86400).build().toByteArray());
    for (int k = 0; k < FEATURES; k++) {
      Value value = k % 2 == 0
          ? Value.newBuilder().setDoubleVal((i % 1000) / 8.0 + k).build()
          : Value.newBuilder().setInt64Val(i * 31 + k).build();
      hash.put(fields[k], value.toByteArray());
    }
    return hash;
  }

  /** A few entities' hashes, field name to value bytes, to check both paths wrote the same thing. */
  private static Map<String, byte[]> sample(TestingRedisServer redis, int rows) {
    EntityKeySerializer serializer = new EntityKeySerializer(RepoConfig.DEFAULT_ENTITY_KEY_SERIALIZATION_VERSION);
    Map<String, byte[]> sample = new LinkedHashMap<>();
    try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
      for (long i : new long[] {0, rows / 2, rows - 1}) {
        jedis.hgetAll(key(serializer, i)).forEach((field, value) ->
            sample.put(i + "/" + new String(field, java.nio.charset.StandardCharsets.ISO_8859_1), value));
      }
    }
    return sample;
  }

  private static boolean equal(Map<String, byte[]> a, Map<String, byte[]> b) {
    return a.size() == b.size() && !a.isEmpty()
        && a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
  }

  private static double rate(int rows, Duration elapsed) {
    return rows / (elapsed.toNanos() / 1e9);
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private static void log(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[materialization-benchmark] " + format + "%n", args);
  }

  /**
   * Samples the heap every 5 ms, after a GC so the figures belong to what runs meanwhile: the peak
   * used (garbage included, so mostly the young generation's size) and the peak live after a
   * collection (what the run actually holds).
   */
  static final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<java.lang.management.MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans()
        .stream().filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP
            && pool.getCollectionUsage() != null).toList();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private HeapSampler() {
      thread = new Thread(() -> {
        while (running) {
          sample();
          try {
            Thread.sleep(5);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "heap-sampler");
      thread.setDaemon(true);
    }

    static HeapSampler start() {
      System.gc();
      HeapSampler sampler = new HeapSampler();
      sampler.pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
      sampler.thread.start();
      return sampler;
    }

    private void sample() {
      peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      long live = 0;
      for (java.lang.management.MemoryPoolMXBean pool : pools) {
        live += pool.getCollectionUsage().getUsed();
      }
      peakLive.accumulateAndGet(live, Math::max);
    }

    long peak() {
      sample();
      return peak.get();
    }

    long peakLive() {
      sample();
      return peakLive.get();
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join();
    }
  }
}
