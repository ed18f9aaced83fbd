package dev.featurestore.offlinestore.bigquery;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.OfflineStoreFactory;

/**
 * {@code offline_store.type: bigquery}, Feast's {@code BigQueryOfflineStore}. Setting the system
 * property {@code featurestore.bigquery.endpoint} or the environment variable {@code
 * FEATURESTORE_BIGQUERY_ENDPOINT} to a root URL (e.g. {@code http://127.0.0.1:9050}) sends every
 * request there without credentials: meant for tests against a local stand-in, never production.
 */
public final class BigQueryOfflineStoreFactory implements OfflineStoreFactory {

  @Override
  public String type() {
    return "bigquery";
  }

  @Override
  public OfflineStore create(RepoConfig config) {
    return new BigQueryOfflineStore(
        BigQueryClients.create(BigQueryOfflineStoreConfig.of(config.offlineStore())));
  }
}
