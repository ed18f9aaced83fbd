package dev.featurestore.cli;

import dev.featurestore.core.config.BackEnds;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.OfflineStoreFactory;

/** Opens the offline store a feature_store.yaml names, through the {@link OfflineStoreFactory} services. */
final class OfflineStores {

  private OfflineStores() {}

  /** The store for {@code offline_store.type}; the caller closes it. */
  static OfflineStore open(RepoConfig config) {
    return BackEnds.factory(OfflineStoreFactory.class, OfflineStoreFactory::type,
        config.offlineStore().type(), "offline_store type").create(config);
  }
}
