package dev.featurestore.materializer;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.registry.RegistryStore;

/**
 * What the {@link dev.featurestore.core.materialize.MaterializationEngine} works on, opened by the
 * caller from feature_store.yaml and closed by it after the scheduler stops.
 *
 * @param batchSize rows per online write (Feast's {@code online_write_batch_size})
 */
public record MaterializationBackEnds(
    OnlineStore onlineStore, OfflineStore offlineStore, RegistryStore registry, int batchSize) {
  public MaterializationBackEnds {
    requireNonNull(onlineStore, "onlineStore is null");
    requireNonNull(offlineStore, "offlineStore is null");
    requireNonNull(registry, "registry is null");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
    }
  }
}
