package dev.featurestore.onlinestore.redis;

import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** feature_store.yaml configurations for Redis tests. */
final class RedisTestConfigs {
  private RedisTestConfigs() {}

  static RepoConfig repo(
      String redisType, String connectionString, Map<String, Object> extra, int version) {
    Map<String, Object> options = new HashMap<>(extra);
    options.put("redis_type", redisType);
    options.put("connection_string", connectionString);
    return new RepoConfig(
        "test",
        "local",
        new RegistryConfig("file", "data/registry.db", Duration.ofSeconds(600), "sync", false),
        new StoreConfig("online_store", "redis", options),
        new StoreConfig("offline_store", "file", Map.of()),
        version,
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        Path.of("."),
        List.of());
  }

  static RedisOnlineStore store(String redisType, String connectionString) {
    return store(redisType, connectionString, Map.of(), 3);
  }

  static RedisOnlineStore store(
      String redisType, String connectionString, Map<String, Object> extra, int version) {
    return (RedisOnlineStore)
        new RedisOnlineStoreFactory().create(repo(redisType, connectionString, extra, version));
  }
}
