package dev.featurestore.core.registry;

import dev.featurestore.core.config.RepoConfig;

/**
 * Creates the {@link RegistryStore} for a {@code registry_type} of feature_store.yaml. Found with
 * {@link java.util.ServiceLoader}; one implementation per type.
 */
public interface RegistryStoreFactory {

  /** The {@code registry_type} this factory serves, e.g. {@code file} or {@code sql}. */
  String type();

  /**
   * Opens the registry the configuration names, creating empty storage (file, schema) on first use.
   * Throws {@code REGISTRY_UNAVAILABLE} if the storage cannot be reached.
   */
  RegistryStore create(RepoConfig config);
}
