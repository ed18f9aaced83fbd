package dev.featurestore.registry;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.core.registry.RegistryStoreFactory;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Opens the registry a feature_store.yaml names, through the {@link RegistryStoreFactory} services. */
public final class RegistryStores {

  private RegistryStores() {}

  /** The store for {@code registry.registry_type}; the caller closes it. */
  public static RegistryStore open(RepoConfig config) {
    String type = config.registry().registryType();
    Map<String, RegistryStoreFactory> factories = factories();
    RegistryStoreFactory factory = factories.get(type);
    if (factory == null) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG,
          "registry_type '" + type + "' is not supported; supported: "
              + factories.keySet().stream().collect(Collectors.joining(", ")));
    }
    return factory.create(config);
  }

  /** Every factory on the class path, by type, sorted. */
  public static Map<String, RegistryStoreFactory> factories() {
    Map<String, RegistryStoreFactory> factories = new TreeMap<>();
    for (RegistryStoreFactory factory : ServiceLoader.load(RegistryStoreFactory.class, RegistryStores.class.getClassLoader())) {
      factories.putIfAbsent(factory.type(), factory);
    }
    return factories;
  }
}
