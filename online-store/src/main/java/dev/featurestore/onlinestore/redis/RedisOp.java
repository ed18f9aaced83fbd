package dev.featurestore.onlinestore.redis;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * One command on one key, to be queued on the pipeline of the node that owns the key.
 *
 * @param command queues the command and returns its pending reply
 */
record RedisOp(byte[] key, Function<Pipeline, Response<?>> command) {
  RedisOp {
    requireNonNull(key, "key is null");
    requireNonNull(command, "command is null");
  }
}
