package dev.featurestore.onlinestore.redis;

import dev.featurestore.onlinestore.redis.RedisConnectionString.HostPort;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.providers.SentineledConnectionProvider;

/**
 * Builds the {@link RedisRouter} for a {@code redis_type}, the way Feast builds its client: {@code
 * redis} uses the first host, {@code redis_cluster} all hosts as seeds, {@code redis_sentinel} all
 * hosts as sentinels (reached without the password, as redis-py's {@code Sentinel} does) and the
 * master named {@code sentinel_master}. RESP2, no client-side caching, no CLIENT SETINFO.
 */
final class RedisRouters {
  private RedisRouters() {}

  static RedisRouter create(RedisOnlineStoreConfig config, ExecutorService clusterExecutor) {
    RedisConnectionString connection = config.connection();
    RedisErrors errors = new RedisErrors(connection.password());
    ConnectionPoolConfig pool = poolConfig(config);
    return switch (config.redisType()) {
      case REDIS -> {
        HostAndPort node = hostAndPort(connection.hosts().get(0));
        JedisClientConfig client = clientConfig(config, true, connection.database());
        yield new RedisSingleNodeRouter(
            new LazyResource<>(() -> new PooledConnectionProvider(node, client, pool)),
            p -> node.toString(),
            errors);
      }
      case REDIS_SENTINEL -> {
        Set<HostAndPort> sentinels = allHosts(connection);
        JedisClientConfig master = clientConfig(config, true, connection.database());
        JedisClientConfig sentinel = clientConfig(config, false, 0);
        yield new RedisSingleNodeRouter(
            new LazyResource<>(
                () ->
                    new SentineledConnectionProvider(
                        config.sentinelMaster(), master, pool, sentinels, sentinel)),
            p ->
                p instanceof SentineledConnectionProvider s && s.getCurrentMaster() != null
                    ? s.getCurrentMaster().toString()
                    : "sentinel master " + config.sentinelMaster(),
            errors);
      }
      case REDIS_CLUSTER -> {
        Set<HostAndPort> seeds = allHosts(connection);
        // A cluster has one database; redis-py refuses db != 0 there, Jedis would ignore it.
        JedisClientConfig client = clientConfig(config, true, 0);
        yield new RedisClusterRouter(
            new LazyResource<>(() -> new ClusterConnectionProvider(seeds, client, pool)),
            clusterExecutor,
            errors,
            seeds.toString());
      }
    };
  }

  /** The daemon threads a cluster store uses to talk to several masters at once. */
  static ExecutorService clusterExecutor() {
    int threads = Integer.getInteger("featurestore.redis.clusterThreads", 16);
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "redis-cluster-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return Executors.newFixedThreadPool(Math.max(1, threads), factory);
  }

  private static JedisClientConfig clientConfig(
      RedisOnlineStoreConfig config, boolean authenticate, int database) {
    RedisConnectionString connection = config.connection();
    DefaultJedisClientConfig.Builder builder =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(config.connectTimeoutMillis())
            .socketTimeoutMillis(config.socketTimeoutMillis())
            .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
    if (authenticate) {
      builder.ssl(connection.ssl()).database(database);
      connection.username().ifPresent(builder::user);
      connection.password().ifPresent(builder::password);
    }
    return builder.build();
  }

  private static ConnectionPoolConfig poolConfig(RedisOnlineStoreConfig config) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(config.maxConnectionsPerNode());
    pool.setMaxIdle(config.maxConnectionsPerNode());
    pool.setMinIdle(0);
    // Waiting forever for a free connection would hang requests; fail like a slow server instead.
    pool.setMaxWait(Duration.ofMillis(config.socketTimeoutMillis()));
    pool.setTestWhileIdle(true);
    pool.setTimeBetweenEvictionRuns(Duration.ofSeconds(30));
    pool.setBlockWhenExhausted(true);
    return pool;
  }

  private static Set<HostAndPort> allHosts(RedisConnectionString connection) {
    Set<HostAndPort> hosts = new LinkedHashSet<>();
    connection.hosts().forEach(h -> hosts.add(hostAndPort(h)));
    return hosts;
  }

  private static HostAndPort hostAndPort(HostPort hostPort) {
    return new HostAndPort(hostPort.host(), hostPort.port());
  }
}
