package dev.featurestore.offlinestore.postgres;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.OfflineStoreFactory;

/** {@code offline_store.type: postgres}, Feast's {@code PostgreSQLOfflineStore}. */
public final class PostgresOfflineStoreFactory implements OfflineStoreFactory {

  @Override
  public String type() {
    return "postgres";
  }

  @Override
  public OfflineStore create(RepoConfig config) {
    return new PostgresOfflineStore(PostgresOfflineStoreConfig.of(config.offlineStore()));
  }
}
