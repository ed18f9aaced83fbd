package dev.featurestore.cli;

import dev.featurestore.core.config.BackEnds;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineStoreFactory;

/** Opens the online store a feature_store.yaml names, through the {@link OnlineStoreFactory} services. */
final class OnlineStores {

  private OnlineStores() {}

  /** The store for {@code online_store.type}; the caller closes it. */
  static OnlineStore open(RepoConfig config) {
    return BackEnds.factory(OnlineStoreFactory.class, OnlineStoreFactory::type,
        config.onlineStore().type(), "online_store type").create(config);
  }
}
