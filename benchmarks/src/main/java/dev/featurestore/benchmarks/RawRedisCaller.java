package dev.featurestore.benchmarks;

import static java.util.Objects.requireNonNull;

import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The baseline: the server's own Redis commands sent straight from the caller thread on a
 * dedicated connection. One entity is a plain HMGET; several are one pipeline of HMGETs (what the
 * server sends), so both cost one round trip.
 */
final class RawRedisCaller implements Caller {
  private final RequestSet requests;
  private final Jedis jedis;

  RawRedisCaller(HostAndPort redis, RequestSet requests) {
    this.requests = requireNonNull(requests, "requests is null");
    this.jedis = new Jedis(redis, DefaultJedisClientConfig.builder().socketTimeoutMillis(5000).build());
  }

  @Override
  public void call(int i) {
    byte[][] keys = requests.hashKeys().get(i % RequestSet.POOL);
    byte[][] fields = requests.fields();
    if (keys.length == 1) {
      check(jedis.hmget(keys[0], fields));
      return;
    }
    Pipeline pipeline = jedis.pipelined();
    @SuppressWarnings("unchecked")
    Response<List<byte[]>>[] replies = new Response[keys.length];
    for (int k = 0; k < keys.length; k++) {
      replies[k] = pipeline.hmget(keys[k], fields);
    }
    pipeline.sync();
    for (Response<List<byte[]>> reply : replies) {
      check(reply.get());
    }
  }

  private static void check(List<byte[]> values) {
    // The last field is _ts:<view>: present on every written row.
    if (values.get(values.size() - 1) == null) {
      throw new IllegalStateException("raw HMGET found no row: the dataset was not written");
    }
  }

  @Override
  public void close() {
    jedis.close();
  }
}
