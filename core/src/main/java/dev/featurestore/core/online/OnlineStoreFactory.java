package dev.featurestore.core.online;

import dev.featurestore.core.config.RepoConfig;

/**
 * Creates the {@link OnlineStore} for an {@code online_store.type} of feature_store.yaml. Found with
 * {@link java.util.ServiceLoader}; one implementation per type.
 */
public interface OnlineStoreFactory {

  /** The {@code online_store.type} this factory serves, e.g. {@code redis} or {@code sqlite}. */
  String type();

  /**
   * Opens the store the configuration names (its {@code online_store} block and {@code
   * entity_key_serialization_version}). Connecting lazily is allowed; a bad option is {@code
   * INVALID_CONFIG} naming the key.
   */
  OnlineStore create(RepoConfig config);
}
