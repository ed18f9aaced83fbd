package dev.featurestore.onlinestore.redis;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineStoreFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code online_store: {type: redis}}. Connects lazily: Redis may be down when this runs. */
public final class RedisOnlineStoreFactory implements OnlineStoreFactory {
  private static final Logger LOG = LoggerFactory.getLogger(RedisOnlineStoreFactory.class);

  @Override
  public String type() {
    return "redis";
  }

  @Override
  public OnlineStore create(RepoConfig config) {
    RedisOnlineStoreConfig redis = RedisOnlineStoreConfig.from(config);
    if (!redis.connection().ignoredOptions().isEmpty()) {
      LOG.warn(
          "online_store.connection_string options {} are redis-py settings this store ignores",
          redis.connection().ignoredOptions());
    }
    return new RedisOnlineStore(redis);
  }
}
