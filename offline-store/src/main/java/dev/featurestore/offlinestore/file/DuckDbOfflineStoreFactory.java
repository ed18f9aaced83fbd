package dev.featurestore.offlinestore.file;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.OfflineStoreFactory;

/**
 * {@code offline_store.type: duckdb}: the same Parquet reader as {@code file}; Feast's {@code
 * staging_location} only matters for exports, which this store does not do.
 */
public final class DuckDbOfflineStoreFactory implements OfflineStoreFactory {

  @Override
  public String type() {
    return "duckdb";
  }

  @Override
  public OfflineStore create(RepoConfig config) {
    return new DuckDbOfflineStore(config);
  }
}
