package dev.featurestore.onlinestore.redis;

import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.testing.AbstractOnlineStoreContractTest;
import dev.featurestore.testing.TestingRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The online-store contract on a Redis Cluster of three masters. */
class RedisClusterOnlineStoreIT extends AbstractOnlineStoreContractTest {
  private static TestingRedisServer cluster;

  @BeforeAll
  static void startCluster() {
    cluster = TestingRedisServer.startCluster(3);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Override
  protected OnlineStore createStore() {
    return RedisTestConfigs.store("redis_cluster", cluster.connectionString());
  }

  @Override
  protected boolean dedupsOlderWrites() {
    return true;
  }
}
