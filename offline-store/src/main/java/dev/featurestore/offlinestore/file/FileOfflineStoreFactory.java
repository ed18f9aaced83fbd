package dev.featurestore.offlinestore.file;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.OfflineStoreFactory;

/** {@code offline_store.type: file} (Feast's {@code dask}, its default): Parquet via DuckDB. */
public final class FileOfflineStoreFactory implements OfflineStoreFactory {

  @Override
  public String type() {
    return "file";
  }

  @Override
  public OfflineStore create(RepoConfig config) {
    return new DuckDbOfflineStore(config);
  }
}
