package dev.featurestore.benchmarks;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/** The Redis server's own CPU time ({@code INFO cpu}), over a connection of its own. */
final class RedisCpu implements AutoCloseable {
  private final Jedis jedis;

  RedisCpu(HostAndPort redis) {
    this.jedis = new Jedis(redis, DefaultJedisClientConfig.builder().build());
  }

  /** used_cpu_user + used_cpu_sys of the main process, in microseconds. */
  synchronized long cpuMicros() {
    double seconds = 0;
    for (String line : jedis.info("cpu").split("\r?\n")) {
      if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
        seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return Math.round(seconds * 1e6);
  }

  @Override
  public void close() {
    jedis.close();
  }
}
