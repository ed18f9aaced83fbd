package dev.featurestore.core.offline;

import dev.featurestore.core.config.RepoConfig;

/**
 * Creates the {@link OfflineStore} for an {@code offline_store.type} of feature_store.yaml. Found
 * with {@link java.util.ServiceLoader}; one implementation per type. Feast's aliases are
 * normalised before lookup ({@code dask} reads as {@code file}).
 */
public interface OfflineStoreFactory {

  /** The {@code offline_store.type} this factory serves, e.g. {@code file}, {@code duckdb}. */
  String type();

  /**
   * Opens the store the configuration names (its {@code offline_store} block; relative paths are
   * resolved with {@link RepoConfig#resolve(String)}). Connecting lazily is allowed; a bad option
   * is {@code INVALID_CONFIG} naming the key.
   */
  OfflineStore create(RepoConfig config);
}
