package dev.featurestore.onlinestore.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPool;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.providers.ConnectionProvider;

/**
 * A standalone server, or the master a set of sentinels points to: every batch goes down one pooled
 * connection as one pipeline.
 */
final class RedisSingleNodeRouter implements RedisRouter {
  private final LazyResource<? extends ConnectionProvider> provider;
  private final Function<ConnectionProvider, String> address;
  private final RedisErrors errors;

  /**
   * @param address names the node in error messages ("host:port")
   */
  RedisSingleNodeRouter(
      LazyResource<? extends ConnectionProvider> provider,
      Function<ConnectionProvider, String> address,
      RedisErrors errors) {
    this.provider = provider;
    this.address = address;
    this.errors = errors;
  }

  @Override
  public List<Object> execute(List<RedisOp> ops) {
    if (ops.isEmpty()) {
      return List.of();
    }
    return withConnection(
        connection -> {
          Pipeline pipeline = new Pipeline(connection);
          List<Response<?>> responses = new ArrayList<>(ops.size());
          ops.forEach(op -> responses.add(op.command().apply(pipeline)));
          pipeline.sync();
          List<Object> replies = new ArrayList<>(ops.size());
          responses.forEach(response -> replies.add(response.get()));
          return replies;
        });
  }

  @Override
  public void forEachMaster(BiConsumer<String, Connection> action) {
    withConnection(
        connection -> {
          action.accept(nodeName(), connection);
          return null;
        });
  }

  @Override
  public boolean ping() {
    try {
      return withConnection(Connection::ping);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    provider.close();
  }

  private <T> T withConnection(Function<Connection, T> work) {
    ConnectionProvider current;
    try {
      current = provider.get();
    } catch (JedisException e) {
      throw errors.unavailable(nodeName(), e);
    }
    try (Connection connection = current.getConnection()) {
      return work.apply(connection);
    } catch (JedisConnectionException e) {
      // Idle pooled sockets died with the server; drop them so the next call reconnects.
      clearIdle(current);
      throw errors.unavailable(nodeName(), e);
    } catch (JedisException e) {
      throw errors.unavailable(nodeName(), e);
    }
  }

  private String nodeName() {
    try {
      return address.apply(provider.peek());
    } catch (RuntimeException e) {
      return address.apply(null);
    }
  }

  static void clearIdle(ConnectionProvider provider) {
    try {
      provider
          .getConnectionMap()
          .values()
          .forEach(
              pool -> {
                if (pool instanceof GenericObjectPool<?> objectPool) {
                  objectPool.clear();
                }
              });
    } catch (RuntimeException e) {
      // Best effort: broken connections are also discarded one by one when used.
    }
  }
}
