package dev.featurestore.onlinestore.redis;

import java.util.List;
import java.util.function.BiConsumer;
import redis.clients.jedis.Connection;

/**
 * Sends pipelined commands to the Redis node(s) owning their keys: one pipeline on a single server,
 * one per master, in parallel, on a cluster. Thread-safe. Every failure is thrown as a {@link
 * dev.featurestore.core.error.FeatureStoreException} ({@code ONLINE_STORE_UNAVAILABLE}).
 */
interface RedisRouter extends AutoCloseable {

  /** Sends all operations in one round trip per node; the replies in operation order. */
  List<Object> execute(List<RedisOp> ops);

  /** Runs {@code action} with a connection to each master ("host:port", connection), in turn. */
  void forEachMaster(BiConsumer<String, Connection> action);

  /** Whether every master answers PING; never throws. */
  boolean ping();

  @Override
  void close();
}
