package dev.featurestore.onlinestore.redis;

import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.testing.AbstractOnlineStoreContractTest;
import dev.featurestore.testing.TestingRedisServer;

/** The online-store contract on a standalone Redis shared by the JVM's tests. */
class RedisOnlineStoreIT extends AbstractOnlineStoreContractTest {

  @Override
  protected OnlineStore createStore() {
    return RedisTestConfigs.store("redis", TestingRedisServer.shared().connectionString());
  }

  @Override
  protected boolean dedupsOlderWrites() {
    return true;
  }
}
