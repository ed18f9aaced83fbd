package dev.featurestore.onlinestore.redis;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.util.OptionalInt;

/**
 * The {@code online_store:} block for {@code type: redis} (Feast's {@code RedisOnlineStoreConfig}
 * in {@code sdk/python/feast/infra/online_stores/redis.py}) plus the repository's entity key
 * version. {@code full_scan_for_deletion} is accepted and not needed: deletes always scan.
 *
 * <p>Timeouts have no key in Feast's block (and store blocks reject unknown keys); they come from
 * the connection string's redis-py options {@code socket_timeout} / {@code socket_connect_timeout}
 * if present, else from the system properties {@code featurestore.redis.socketTimeoutMillis}
 * (default 1000) and {@code featurestore.redis.connectTimeoutMillis} (default 2000). {@code
 * featurestore.redis.maxConnections} (default 64) bounds each node's connection pool.
 */
public record RedisOnlineStoreConfig(
    RedisType redisType,
    RedisConnectionString connection,
    String sentinelMaster,
    OptionalInt keyTtlSeconds,
    boolean skipDedup,
    int entityKeySerializationVersion,
    int connectTimeoutMillis,
    int socketTimeoutMillis,
    int maxConnectionsPerNode) {

  /** Feast's {@code redis_type}. */
  public enum RedisType {
    REDIS,
    REDIS_CLUSTER,
    REDIS_SENTINEL
  }

  public RedisOnlineStoreConfig {
    requireNonNull(redisType, "redisType is null");
    requireNonNull(connection, "connection is null");
    requireNonNull(sentinelMaster, "sentinelMaster is null");
    requireNonNull(keyTtlSeconds, "keyTtlSeconds is null");
  }

  /** Reads the repository's {@code online_store} block, which must be of type {@code redis}. */
  public static RedisOnlineStoreConfig from(RepoConfig repo) {
    StoreConfig store = repo.onlineStore();
    RedisType type =
        switch (store.string("redis_type", "redis")) {
          case "redis" -> RedisType.REDIS;
          case "redis_cluster" -> RedisType.REDIS_CLUSTER;
          case "redis_sentinel" -> RedisType.REDIS_SENTINEL;
          default ->
              throw new FeatureStoreException(
                  ErrorCode.INVALID_CONFIG,
                  "feature_store.yaml: online_store.redis_type must be redis, redis_cluster or"
                      + " redis_sentinel, got '"
                      + store.string("redis_type", "")
                      + "'");
        };
    RedisConnectionString connection =
        RedisConnectionString.parse(store.string("connection_string", "localhost:6379"));
    int ttl = store.integer("key_ttl_seconds", 0);
    return new RedisOnlineStoreConfig(
        type,
        connection,
        store.string("sentinel_master", "mymaster"),
        // Feast expires only when the value is truthy, so 0 (or less) means never.
        ttl > 0 ? OptionalInt.of(ttl) : OptionalInt.empty(),
        store.bool("skip_dedup", false),
        repo.entityKeySerializationVersion(),
        connection.connectTimeoutMillis().orElse(property("connectTimeoutMillis", 2000)),
        connection.timeoutMillis().orElse(property("socketTimeoutMillis", 1000)),
        property("maxConnections", 64));
  }

  private static int property(String name, int defaultValue) {
    String value = System.getProperty("featurestore.redis." + name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new FeatureStoreException(
        ErrorCode.INVALID_CONFIG,
        "system property featurestore.redis." + name + " must be a positive integer, got " + value);
  }
}
