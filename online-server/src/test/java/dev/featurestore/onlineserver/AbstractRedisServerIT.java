package dev.featurestore.onlineserver;

import static dev.featurestore.onlineserver.TestingRepo.i64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.Hashing;
import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.onlinestore.redis.RedisOnlineStoreFactory;
import dev.featurestore.testing.RespClient;
import dev.featurestore.testing.RespErrorException;
import dev.featurestore.testing.TestingRedisServer;
import feast.proto.serving.ServingAPIProto.FeatureList;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesRequest;
import feast.proto.types.ValueProto.RepeatedValue;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server on Redis: Feast's key layout checked byte for byte with a raw client, and an outage
 * in the middle of a run (the server answers fast, reports itself degraded and heals by itself).
 */
abstract class AbstractRedisServerIT extends AbstractRealStoreServerIT {
  private static final HexFormat HEX = HexFormat.of();
  protected TestingRedisServer redis;

  /** Starts the private Redis (standalone or cluster) this class owns and may stop. */
  protected abstract TestingRedisServer startRedis();

  protected abstract String redisType();

  @Override
  protected OnlineStore createStore() {
    redis = startRedis();
    RepoConfig config = new RepoConfig(TestingRepo.PROJECT, "local",
        new RegistryConfig("file", "data/registry.db", Duration.ofSeconds(600), "sync", false),
        new StoreConfig("online_store", "redis", Map.of("redis_type", redisType(),
            "connection_string", redis.connectionString())),
        new StoreConfig("offline_store", "file", Map.of()), 3, Map.of(), Map.of(), Map.of(), Map.of(),
        java.nio.file.Path.of("."), List.of());
    return new RedisOnlineStoreFactory().create(config);
  }

  @BeforeEach
  @Override
  void writeRows() {
    if (!redis.isRunning()) {
      redis.restart();
    }
    super.writeRows();
  }

  @AfterAll
  void stopRedis() {
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void keysAndFieldsAreFeastsBytes() {
    // Key = entity key serialized as v3 + project name, no separator (feast-compat.md §2, §3):
    //   u32 n_keys=1 | u32 type=2 (string), u32 len=9, "driver_id" | u32 type=4 (INT64), u32 len=8, i64 1001 LE | "demo"
    byte[] driverKey = concat(u32(1), u32(2), u32(9), utf8("driver_id"), u32(4), u32(8), i64le(1001), utf8("demo"));
    assertThat(HEX.formatHex(driverKey))
        .isEqualTo("01000000" + "02000000" + "09000000" + "6472697665725f6964" + "04000000" + "08000000"
            + "e903000000000000" + "64656d6f");
    Map<String, String> driver = hgetall(driverKey);
    // Fields: murmur3_x86_32, seed 0, of UTF-8 "<view>:<feature>", 4 bytes little-endian (Guava's
    // murmur3_32_fixed writes exactly those bytes); values: serialized feast.types.Value;
    // "_ts:<view>" unhashed, holding a serialized google.protobuf.Timestamp.
    assertThat(field("driver_hourly_stats", "conv_rate")).isEqualTo("6160e3da"); // feast-compat.md §3 table
    assertThat(driver).containsExactlyInAnyOrderEntriesOf(Map.of(
        field("driver_hourly_stats", "conv_rate"), "350000003f",       // float_val (6) 0.5f
        field("driver_hourly_stats", "acc_rate"), "35cdcccc3d",        // float_val 0.1f
        field("driver_hourly_stats", "avg_daily_trips"), "2007",       // int64_val (4) 7
        HEX.formatHex(utf8("_ts:driver_hourly_stats")), "08c0bc94ad06")); // seconds 1705320000

    // Two views keyed by the same entity share one hash.
    byte[] userKey = concat(u32(1), u32(2), u32(7), utf8("user_id"), u32(2), u32(10), utf8("user_00042"), utf8("demo"));
    assertThat(hgetall(userKey)).containsOnlyKeys(field("user_demographics", "age"),
        field("user_demographics", "country"), field("user_velocity", "txn_count_1h"),
        field("user_velocity", "txn_amount_24h"), HEX.formatHex(utf8("_ts:user_demographics")),
        HEX.formatHex(utf8("_ts:user_velocity")))
        .containsEntry(field("user_velocity", "txn_amount_24h"), "29" + "0000000000205e40"); // double_val (5) 120.5

    // Composite key: join keys sorted by name (merchant_id < user_id) though written the other way.
    byte[] pairKey = concat(u32(2), u32(2), u32(11), utf8("merchant_id"), u32(2), u32(7), utf8("user_id"),
        u32(2), u32(3), utf8("m_7"), u32(2), u32(10), utf8("user_00042"), utf8("demo"));
    assertThat(hgetall(pairKey)).containsEntry(field("user_merchant", "orders"), "2005");
  }

  @Test
  void redisDownAnswersFastNamesTheStoreAndRecoversWithoutRestartingTheServer() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    redis.stop();

    long start = System.nanoTime();
    HttpResponse<String> rest = post("/get-online-features", FEAST_EXAMPLE_REQUEST);
    assertThat(rest.statusCode()).isEqualTo(503);
    assertThat(rest.body()).contains("online store").contains("ONLINE_STORE_UNAVAILABLE");
    assertThatThrownBy(() -> serving.getOnlineFeatures(GetOnlineFeaturesRequest.newBuilder()
            .setFeatures(FeatureList.newBuilder().addVal("driver_hourly_stats:conv_rate"))
            .putEntities("driver_id", RepeatedValue.newBuilder().addVal(i64(1001)).build()).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
          assertThat(e.getStatus().getDescription()).contains("online store");
        });
    // Both answers within the 1 s deadline plus slack: no hanging on a dead Redis.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    HttpResponse<String> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("\"online_store\":\"unavailable\"");

    redis.restart(); // empty again: Redis runs without persistence here
    RealStoreRows.write(store);
    HttpResponse<String> healed = post("/get-online-features", FEAST_EXAMPLE_REQUEST);
    assertThat(healed.statusCode()).as(healed.body()).isEqualTo(200);
    assertThat(healed.body()).isEqualTo(FEAST_EXAMPLE_RESPONSE);
    assertThat(serving.getOnlineFeatures(GetOnlineFeaturesRequest.newBuilder()
        .setFeatures(FeatureList.newBuilder().addVal("driver_hourly_stats:conv_rate"))
        .putEntities("driver_id", RepeatedValue.newBuilder().addVal(i64(1001)).build()).build())
        .getResults(1).getValues(0).getFloatVal()).isEqualTo(0.5f);
    // Health remembers a failed call for a few seconds, then follows the store again.
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (get("/health").statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  /** HGETALL of a binary key, following cluster redirects; fields and values as hex. */
  private Map<String, String> hgetall(byte[] key) {
    String target = redis.nodes().get(0);
    for (int hop = 0; hop < 5; hop++) {
      int colon = target.lastIndexOf(':');
      try (RespClient client = RespClient.connect(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)))) {
        List<?> reply = (List<?>) client.callBinary(utf8("HGETALL"), key);
        Map<String, String> fields = new TreeMap<>();
        for (int i = 0; i < reply.size(); i += 2) {
          fields.put(HEX.formatHex((byte[]) reply.get(i)), HEX.formatHex((byte[]) reply.get(i + 1)));
        }
        return fields;
      } catch (RespErrorException e) {
        target = e.redirectTarget().orElseThrow(() -> e);
      }
    }
    throw new AssertionError("too many redirects");
  }

  private static String field(String view, String feature) {
    return HEX.formatHex(Hashing.murmur3_32_fixed().hashBytes(utf8(view + ":" + feature)).asBytes());
  }

  private static byte[] u32(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }

  private static byte[] i64le(long value) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
