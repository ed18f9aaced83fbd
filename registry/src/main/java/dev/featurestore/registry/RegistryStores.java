package dev.featurestore.registry;

import dev.featurestore.core.config.BackEnds;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.core.registry.RegistryStoreFactory;
import java.util.Map;

/** Opens the registry a feature_store.yaml names, through the {@link RegistryStoreFactory} services. */
public final class RegistryStores {

  private RegistryStores() {}

  /** The store for {@code registry.registry_type}; the caller closes it. */
  public static RegistryStore open(RepoConfig config) {
    return BackEnds.factory(RegistryStoreFactory.class, RegistryStoreFactory::type,
        config.registry().registryType(), "registry_type").create(config);
  }

  /** Every factory on the class path, by type, sorted. */
  public static Map<String, RegistryStoreFactory> factories() {
    return BackEnds.factories(RegistryStoreFactory.class, RegistryStoreFactory::type);
  }
}
