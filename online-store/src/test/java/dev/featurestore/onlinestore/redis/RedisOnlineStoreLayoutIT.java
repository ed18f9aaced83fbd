package dev.featurestore.onlinestore.redis;

import static dev.featurestore.testing.OnlineStoreTestData.int32;
import static dev.featurestore.testing.OnlineStoreTestData.int64;
import static dev.featurestore.testing.OnlineStoreTestData.key;
import static dev.featurestore.testing.OnlineStoreTestData.row;
import static dev.featurestore.testing.OnlineStoreTestData.string;
import static dev.featurestore.testing.OnlineStoreTestData.timestamp;
import static dev.featurestore.testing.OnlineStoreTestData.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineStoreFactory;
import dev.featurestore.core.online.ViewRead;
import dev.featurestore.testing.RespClient;
import dev.featurestore.testing.TestingRedisServer;
import feast.proto.types.ValueProto.Value;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Redis store leaves in Redis, byte for byte, and how it behaves around Redis. */
class RedisOnlineStoreLayoutIT {
  private static final HexFormat HEX = HexFormat.of();
  private static final Timestamp T1 = timestamp("2024-01-15T12:00:00Z");
  private static final Timestamp T2 = timestamp("2024-01-15T13:00:00Z");
  private static final Timestamp T3 = timestamp("2024-01-15T14:00:00Z");

  private static TestingRedisServer redis;

  @BeforeAll
  static void startRedis() {
    redis = TestingRedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    redis.close();
  }

  @BeforeEach
  void emptyRedis() {
    if (!redis.isRunning()) {
      redis.restart();
    }
    redis.flushAll();
  }

  @Test
  void writesFeastsKeyFieldsAndValues() {
    try (OnlineStore store = RedisTestConfigs.store("redis", redis.connectionString())) {
      store.write(
          "test",
          "feature_view_1",
          List.of(
              row(
                  key("entity", int32(1)),
                  T1,
                  Map.of(
                      "feature_10",
                      int64(7),
                      "feature_11",
                      string("abc"),
                      "feature_12",
                      Value.getDefaultInstance()))));
    }
    // feast-compat §2: {entity: int32 1} in project "test"
    assertThat(keysHex())
        .containsExactly(
            "01000000"
                + "02000000"
                + "06000000"
                + "656e74697479"
                + "03000000"
                + "04000000"
                + "01000000"
                + "74657374");
    // feast-compat §3: murmur3 fields little-endian, protobuf values, _ts:<view> plain
    assertThat(hashHex("01000000020000000600000065" + "6e7469747903000000040000000100000074657374"))
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "266d5f39",
                    "2007", // feature_view_1:feature_10 -> int64_val 7
                    "c3379abf",
                    "1203616263", // feature_view_1:feature_11 -> string_val "abc"
                    "7772b564",
                    "", // feature_view_1:feature_12 -> the empty Value (a null)
                    HEX.formatHex("_ts:feature_view_1".getBytes(StandardCharsets.UTF_8)),
                    "08c0bc94ad06")));
  }

  @Test
  void readsFeastWrittenBytes() {
    // As Feast's Python store would leave them, written here by hand.
    String key = "01000000020000000600000065" + "6e7469747903000000040000000100000074657374";
    call(
        "HSET",
        key,
        "266d5f39",
        "2007",
        "7772b564",
        "",
        HEX.formatHex("_ts:feature_view_1".getBytes(StandardCharsets.UTF_8)),
        "08c0bc94ad06" + "1080cab5ee01");
    try (OnlineStore store = RedisTestConfigs.store("redis", redis.connectionString())) {
      OnlineRow row =
          store
              .read(
                  "test",
                  List.of(
                      new ViewRead(
                          "feature_view_1",
                          List.of("feature_10", "feature_12", "feature_11"),
                          List.of(key("entity", int32(1))))))
              .get(0)
              .get(0);
      assertThat(row.values()).containsExactly(int64(7), Value.getDefaultInstance(), null);
      // 2024-01-15T12:00:00.5Z
      assertThat(row.eventTimestamp()).isEqualTo(T1.toBuilder().setNanos(500_000_000).build());
    }
  }

  @Test
  void viewsOfTheSameKeyShareOneHash() {
    try (OnlineStore store = RedisTestConfigs.store("redis", redis.connectionString())) {
      store.write("p", "profile", List.of(row(user("u1"), T1, Map.of("age", int64(31)))));
      store.write("p", "txn", List.of(row(user("u1"), T2, Map.of("count", int64(5)))));
      assertThat(keysHex()).hasSize(1);
      List<List<OnlineRow>> rows =
          store.read(
              "p",
              List.of(
                  new ViewRead("profile", List.of("age"), List.of(user("u1"))),
                  new ViewRead("txn", List.of("count"), List.of(user("u1"))),
                  new ViewRead("never", List.of("count"), List.of(user("u1")))));
      assertThat(rows.get(0).get(0).eventTimestamp()).isEqualTo(T1);
      assertThat(rows.get(1).get(0).eventTimestamp()).isEqualTo(T2);
      // The hash exists but holds nothing of this view.
      assertThat(rows.get(2).get(0)).isNull();
    }
  }

  @Test
  void dropsRowsNotNewerThanAnEarlierRowOfTheSameBatch() {
    try (OnlineStore store = RedisTestConfigs.store("redis", redis.connectionString())) {
      store.write(
          "p",
          "v",
          List.of(
              row(user("u1"), T2, Map.of("x", int64(2))),
              row(user("u1"), T1, Map.of("x", int64(1))),
              row(user("u1"), T2, Map.of("x", int64(22)))));
      assertThat(readX(store, "u1")).containsExactly(int64(2));
      store.write(
          "p",
          "v",
          List.of(
              row(user("u1"), T3, Map.of("x", int64(3))),
              row(user("u1"), T2, Map.of("x", int64(-1)))));
      assertThat(readX(store, "u1")).containsExactly(int64(3));
    }
  }

  @Test
  void skipDedupLetsOlderRowsOverwrite() {
    try (OnlineStore store =
        RedisTestConfigs.store("redis", redis.connectionString(), Map.of("skip_dedup", true), 3)) {
      store.write("p", "v", List.of(row(user("u1"), T2, Map.of("x", int64(2)))));
      store.write("p", "v", List.of(row(user("u1"), T1, Map.of("x", int64(1)))));
      assertThat(readX(store, "u1")).containsExactly(int64(1));
    }
  }

  @Test
  void expiresKeysAfterKeyTtlSeconds() {
    try (OnlineStore store =
        RedisTestConfigs.store(
            "redis", redis.connectionString(), Map.of("key_ttl_seconds", 100), 3)) {
      store.write("p", "v", List.of(row(user("u1"), T1, Map.of("x", int64(1)))));
    }
    try (OnlineStore store = RedisTestConfigs.store("redis", redis.connectionString())) {
      store.write("p", "v", List.of(row(user("u2"), T1, Map.of("x", int64(1)))));
    }
    byte[] u1 = redisKey("u1", "p");
    byte[] u2 = redisKey("u2", "p");
    assertThat((Long) binary("TTL".getBytes(StandardCharsets.UTF_8), u1)).isBetween(90L, 100L);
    assertThat((Long) binary("TTL".getBytes(StandardCharsets.UTF_8), u2)).isEqualTo(-1L);
  }

  @Test
  void deletesWholeKeysOrJustTheViewsFields() {
    try (RedisOnlineStore store = RedisTestConfigs.store("redis", redis.connectionString())) {
      store.write(
          "p",
          "a",
          List.of(
              row(user("u1"), T1, Map.of("x", int64(1))),
              row(user("u2"), T1, Map.of("x", int64(1)))));
      store.write("p", "b", List.of(row(user("u1"), T1, Map.of("y", int64(2)))));
      // Same view name in a project whose name ends like ours: left alone.
      store.write("xp", "a", List.of(row(user("u2"), T1, Map.of("x", int64(9)))));

      store.deleteView("p", "a", List.of("x"));

      assertThat(binary(bytes("EXISTS"), redisKey("u2", "p"))).isEqualTo(0L);
      List<?> fields = (List<?>) binary(bytes("HKEYS"), redisKey("u1", "p"));
      assertThat(fields.stream().map(f -> HEX.formatHex((byte[]) f)).toList())
          .containsExactlyInAnyOrder(
              HEX.formatHex(RedisKeysForTests.field("b", "y")), HEX.formatHex(bytes("_ts:b")));
      assertThat(
              store
                  .read("xp", List.of(new ViewRead("a", List.of("x"), List.of(user("u2")))))
                  .get(0)
                  .get(0)
                  .values())
          .containsExactly(int64(9));
    }
  }

  @Test
  void keysOfVersion2And3Differ() {
    try (OnlineStore v2 = RedisTestConfigs.store("redis", redis.connectionString(), Map.of(), 2);
        OnlineStore v3 = RedisTestConfigs.store("redis", redis.connectionString(), Map.of(), 3)) {
      v2.write("p", "v", List.of(row(key("driver_id", int64(1001)), T1, Map.of("x", int64(2)))));
      v3.write("p", "v", List.of(row(key("driver_id", int64(1001)), T1, Map.of("x", int64(3)))));
      assertThat(keysHex())
          .containsExactlyInAnyOrder(
              "02000000"
                  + "6472697665725f6964"
                  + "04000000"
                  + "08000000"
                  + "e903000000000000"
                  + "70",
              "01000000"
                  + "02000000"
                  + "09000000"
                  + "6472697665725f6964"
                  + "04000000"
                  + "08000000"
                  + "e903000000000000"
                  + "70");
      ViewRead read = new ViewRead("v", List.of("x"), List.of(key("driver_id", int64(1001))));
      assertThat(v2.read("p", List.of(read)).get(0).get(0).values()).containsExactly(int64(2));
      assertThat(v3.read("p", List.of(read)).get(0).get(0).values()).containsExactly(int64(3));
    }
  }

  @Test
  void failsFastWhileRedisIsDownAndRecoversByItself() {
    try (OnlineStore store = RedisTestConfigs.store("redis", redis.connectionString())) {
      store.write("p", "v", List.of(row(user("u1"), T1, Map.of("x", int64(1)))));
      assertThat(readX(store, "u1")).containsExactly(int64(1));

      redis.stop();
      long start = System.nanoTime();
      assertThatThrownBy(() -> readX(store, "u1"))
          .isInstanceOfSatisfying(
              FeatureStoreException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.ONLINE_STORE_UNAVAILABLE))
          .hasMessageStartingWith("redis 127.0.0.1:" + redis.port() + ": ");
      assertThatThrownBy(
              () -> store.write("p", "v", List.of(row(user("u1"), T2, Map.of("x", int64(2))))))
          .isInstanceOf(FeatureStoreException.class);
      assertThat(store.isHealthy()).isFalse();
      assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);

      redis.restart(); // the data is gone: no persistence
      assertThat(store.isHealthy()).isTrue();
      store.write("p", "v", List.of(row(user("u1"), T2, Map.of("x", int64(2)))));
      assertThat(readX(store, "u1")).containsExactly(int64(2));
    }
  }

  @Test
  void opensWhileRedisIsDown() {
    redis.stop();
    try (OnlineStore store = RedisTestConfigs.store("redis", redis.connectionString())) {
      assertThat(store.isHealthy()).isFalse();
      redis.restart();
      assertThat(readX(store, "nobody")).isNull();
    }
  }

  @Test
  void isFoundThroughServiceLoaderAndKeepsPasswordsOutOfMessages() {
    OnlineStoreFactory factory =
        ServiceLoader.load(OnlineStoreFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.type().equals("redis"))
            .findFirst()
            .orElseThrow();
    try (OnlineStore store =
        factory.create(
            RedisTestConfigs.repo(
                "redis", redis.connectionString() + ",password=hunter2,db=1", Map.of(), 3))) {
      assertThatThrownBy(() -> readX(store, "u1"))
          .isInstanceOfSatisfying(
              FeatureStoreException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.ONLINE_STORE_UNAVAILABLE))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }
  }

  @Test
  void usesTheDatabaseOfTheConnectionString() {
    try (OnlineStore store = RedisTestConfigs.store("redis", redis.connectionString() + ",db=3")) {
      store.write("p", "v", List.of(row(user("u1"), T1, Map.of("x", int64(1)))));
    }
    assertThat(keysHex()).isEmpty();
    try (RespClient client = RespClient.connect(redis.host(), redis.port())) {
      client.call("SELECT", "3");
      assertThat((List<?>) client.call("KEYS", "*")).hasSize(1);
    }
  }

  private static List<Value> readX(OnlineStore store, String user) {
    OnlineRow row =
        store
            .read("p", List.of(new ViewRead("v", List.of("x"), List.of(user(user)))))
            .get(0)
            .get(0);
    return row == null ? null : row.values();
  }

  private static byte[] redisKey(String user, String project) {
    return RedisKeysForTests.key(user(user), project);
  }

  private static List<String> keysHex() {
    List<?> keys = (List<?>) binary(bytes("KEYS"), bytes("*"));
    return keys.stream().map(k -> HEX.formatHex((byte[]) k)).toList();
  }

  private static Map<String, String> hashHex(String keyHex) {
    List<?> flat = (List<?>) binary(bytes("HGETALL"), HEX.parseHex(keyHex));
    Map<String, String> hash = new TreeMap<>();
    for (int i = 0; i < flat.size(); i += 2) {
      hash.put(HEX.formatHex((byte[]) flat.get(i)), HEX.formatHex((byte[]) flat.get(i + 1)));
    }
    return hash;
  }

  /** A command whose arguments are hex, except the command name. */
  private static Object call(String command, String... hexArgs) {
    byte[][] args = new byte[hexArgs.length + 1][];
    args[0] = bytes(command);
    for (int i = 0; i < hexArgs.length; i++) {
      args[i + 1] = HEX.parseHex(hexArgs[i]);
    }
    return binary(args);
  }

  private static Object binary(byte[]... args) {
    try (RespClient client = RespClient.connect(redis.host(), redis.port())) {
      return client.callBinary(args);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
