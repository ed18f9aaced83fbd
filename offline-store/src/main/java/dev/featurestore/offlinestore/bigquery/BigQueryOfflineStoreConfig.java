package dev.featurestore.offlinestore.bigquery;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.config.StoreConfig;
import java.util.Optional;

/**
 * The {@code offline_store} block of {@code type: bigquery}, with the keys of Feast's {@code
 * BigQueryOfflineStoreConfig}. Queries run (and are billed) in {@code billing_project_id} when set,
 * else {@code project_id}, else the project Google's libraries find in the environment, as Feast
 * does. {@code dataset} and {@code gcs_staging_location} only matter to Feast's exports and saved
 * datasets, which this store does not write.
 *
 * @param endpoint a root URL replacing {@code https://bigquery.googleapis.com}, without
 *     credentials; for tests against a local stand-in only (see {@link #ENDPOINT_PROPERTY})
 */
public record BigQueryOfflineStoreConfig(
    Optional<String> projectId,
    Optional<String> billingProjectId,
    Optional<String> location,
    Optional<String> endpoint) {

  /** System property naming the endpoint override; the environment variable is checked second. */
  public static final String ENDPOINT_PROPERTY = "featurestore.bigquery.endpoint";

  /** Environment variable naming the endpoint override. */
  public static final String ENDPOINT_VARIABLE = "FEATURESTORE_BIGQUERY_ENDPOINT";

  public BigQueryOfflineStoreConfig {
    requireNonNull(projectId, "projectId is null");
    requireNonNull(billingProjectId, "billingProjectId is null");
    requireNonNull(location, "location is null");
    requireNonNull(endpoint, "endpoint is null");
  }

  /** Reads the block, and the endpoint override from the system property or the environment. */
  public static BigQueryOfflineStoreConfig of(StoreConfig store) {
    Optional<String> endpoint = Optional.ofNullable(System.getProperty(ENDPOINT_PROPERTY))
        .or(() -> Optional.ofNullable(System.getenv(ENDPOINT_VARIABLE)))
        .filter(s -> !s.isBlank());
    return new BigQueryOfflineStoreConfig(
        store.string("project_id").filter(s -> !s.isBlank()),
        store.string("billing_project_id").filter(s -> !s.isBlank()),
        store.string("location").filter(s -> !s.isBlank()),
        endpoint);
  }

  /** The project jobs run in, if configured. */
  Optional<String> jobProject() {
    return billingProjectId.or(() -> projectId);
  }
}
