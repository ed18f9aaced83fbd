package dev.featurestore.onlineserver;

import dev.featurestore.testing.TestingRedisServer;

/** The server on a standalone Redis of its own (not the shared one: this test stops it). */
class OnlineServerRedisIT extends AbstractRedisServerIT {
  @Override
  protected TestingRedisServer startRedis() {
    return TestingRedisServer.start();
  }

  @Override
  protected String redisType() {
    return "redis";
  }
}
