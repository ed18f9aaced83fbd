package dev.featurestore.onlinestore.redis;

import static dev.featurestore.testing.OnlineStoreTestData.int64;
import static dev.featurestore.testing.OnlineStoreTestData.row;
import static dev.featurestore.testing.OnlineStoreTestData.timestamp;
import static dev.featurestore.testing.OnlineStoreTestData.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.online.ViewRead;
import dev.featurestore.testing.RespClient;
import dev.featurestore.testing.TestingRedisServer;
import feast.proto.types.EntityKeyProto.EntityKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store on a three-master Redis Cluster: routing, deletes on every master, recovery. */
class RedisClusterLayoutIT {
  private static final Timestamp T1 = timestamp("2024-01-15T12:00:00Z");
  private static final Timestamp T2 = timestamp("2024-01-15T13:00:00Z");

  private static TestingRedisServer cluster;

  @BeforeAll
  static void startCluster() {
    cluster = TestingRedisServer.startCluster(3);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @BeforeEach
  void emptyCluster() {
    if (!cluster.isRunning()) {
      cluster.restart();
    }
    cluster.flushAll();
  }

  @Test
  void spreadsKeysOverEveryMasterAndReadsThemInOneCall() {
    try (OnlineStore store = RedisTestConfigs.store("redis_cluster", cluster.connectionString())) {
      List<EntityKey> keys = new ArrayList<>();
      List<OnlineWriteRow> rows = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        keys.add(user("u" + i));
        rows.add(row(user("u" + i), T1, Map.of("x", int64(i))));
      }
      store.write("p", "v", rows);
      store.write("p", "w", rows.subList(0, 10));

      for (String node : cluster.nodes()) {
        assertThat(dbSize(node)).as(node).isGreaterThan(50L);
      }
      List<List<OnlineRow>> result =
          store.read(
              "p",
              List.of(
                  new ViewRead("v", List.of("x"), keys), new ViewRead("w", List.of("x"), keys)));
      for (int i = 0; i < 300; i++) {
        assertThat(result.get(0).get(i).values()).containsExactly(int64(i));
        if (i < 10) {
          assertThat(result.get(1).get(i).values()).containsExactly(int64(i));
        } else {
          assertThat(result.get(1).get(i)).isNull();
        }
      }
    }
  }

  @Test
  void deletesOnEveryMaster() {
    try (OnlineStore store = RedisTestConfigs.store("redis_cluster", cluster.connectionString())) {
      List<OnlineWriteRow> rows = new ArrayList<>();
      List<EntityKey> keys = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        keys.add(user("u" + i));
        rows.add(row(user("u" + i), T1, Map.of("x", int64(i))));
      }
      store.write("p", "v", rows);
      store.deleteViews("p", List.of("v"));
      cluster.nodes().forEach(node -> assertThat(dbSize(node)).as(node).isZero());
      assertThat(store.read("p", List.of(new ViewRead("v", List.of("x"), keys))).get(0))
          .containsOnlyNulls();
    }
  }

  @Test
  void failsWhileTheClusterIsDownAndRecoversByItself() {
    try (OnlineStore store = RedisTestConfigs.store("redis_cluster", cluster.connectionString())) {
      List<OnlineWriteRow> rows = new ArrayList<>();
      List<EntityKey> keys = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        keys.add(user("u" + i));
        rows.add(row(user("u" + i), T1, Map.of("x", int64(i))));
      }
      store.write("p", "v", rows);
      ViewRead read = new ViewRead("v", List.of("x"), keys);
      assertThat(store.read("p", List.of(read)).get(0)).doesNotContainNull();

      cluster.stop();
      assertThatThrownBy(() -> store.read("p", List.of(read)))
          .isInstanceOfSatisfying(
              FeatureStoreException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.ONLINE_STORE_UNAVAILABLE))
          .hasMessageStartingWith("redis 127.0.0.1:");
      assertThat(store.isHealthy()).isFalse();

      cluster.restart();
      assertThat(store.isHealthy()).isTrue();
      assertThat(store.read("p", List.of(read)).get(0)).containsOnlyNulls();
      List<OnlineWriteRow> newer =
          rows.stream().map(r -> new OnlineWriteRow(r.key(), T2, null, r.values())).toList();
      store.write("p", "v", newer);
      assertThat(store.read("p", List.of(read)).get(0))
          .allSatisfy(row -> assertThat(row.eventTimestamp()).isEqualTo(T2));
    }
  }

  @Test
  void opensWhileTheClusterIsDown() {
    cluster.stop();
    try (OnlineStore store = RedisTestConfigs.store("redis_cluster", cluster.connectionString())) {
      assertThatThrownBy(
              () -> store.read("p", List.of(new ViewRead("v", List.of("x"), List.of(user("u1"))))))
          .isInstanceOfSatisfying(
              FeatureStoreException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.ONLINE_STORE_UNAVAILABLE));
      assertThat(store.isHealthy()).isFalse();
      cluster.restart();
      assertThat(
              store.read("p", List.of(new ViewRead("v", List.of("x"), List.of(user("u1"))))).get(0))
          .containsOnlyNulls();
    }
  }

  private static long dbSize(String node) {
    int colon = node.lastIndexOf(':');
    try (RespClient client =
        RespClient.connect(node.substring(0, colon), Integer.parseInt(node.substring(colon + 1)))) {
      return (Long) client.call("DBSIZE");
    }
  }
}
