package dev.featurestore.onlinestore.sqlite;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineStoreFactory;

/**
 * {@code online_store: {type: sqlite, path: ...}}: Feast's embedded default. The {@code path}
 * (default {@code data/online.db}) is relative to the repository; {@code
 * enable_openai_compatible_store} also fills {@code value_num}. Vector and text search options are
 * accepted and ignored: this store serves lookups by key only.
 */
public final class SqliteOnlineStoreFactory implements OnlineStoreFactory {

  static final String DEFAULT_PATH = "data/online.db";

  @Override
  public String type() {
    return "sqlite";
  }

  @Override
  public OnlineStore create(RepoConfig config) {
    StoreConfig store = config.onlineStore();
    String path = store.string("path", DEFAULT_PATH);
    if (path.isBlank()) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG, "feature_store.yaml: online_store.path must not be empty");
    }
    return new SqliteOnlineStore(
        config.resolve(path),
        config.entityKeySerializationVersion(),
        store.bool("enable_openai_compatible_store", false),
        SqliteOnlineStore.DEFAULT_MAX_CONNECTIONS);
  }
}
