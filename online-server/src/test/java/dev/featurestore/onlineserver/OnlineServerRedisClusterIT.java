package dev.featurestore.onlineserver;

import dev.featurestore.testing.TestingRedisServer;

/** The server on a Redis Cluster of three masters; keys spread over them by Feast's unhashed-tag layout. */
class OnlineServerRedisClusterIT extends AbstractRedisServerIT {
  @Override
  protected TestingRedisServer startRedis() {
    return TestingRedisServer.startCluster(3);
  }

  @Override
  protected String redisType() {
    return "redis_cluster";
  }
}
