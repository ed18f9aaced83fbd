package dev.featurestore.offlinestore.bigquery;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;

/**
 * Builds the BigQuery client. Credentials, and the project when none is configured, come from the
 * environment as Google's libraries find them (GOOGLE_APPLICATION_CREDENTIALS, gcloud's
 * application default credentials, the metadata server). With an endpoint override the client
 * talks plain HTTP to it without credentials, which only a local test stand-in accepts.
 */
final class BigQueryClients {

  /** The project used with an endpoint override when none is configured. */
  static final String LOCAL_PROJECT = "featurestore-local";

  private BigQueryClients() {}

  static BigQuery create(BigQueryOfflineStoreConfig config) {
    try {
      BigQueryOptions.Builder options = BigQueryOptions.newBuilder();
      config.jobProject().ifPresent(options::setProjectId);
      config.location().ifPresent(options::setLocation);
      if (config.endpoint().isPresent()) {
        options.setHost(config.endpoint().get())
            .setCredentials(NoCredentials.getInstance())
            .setProjectId(config.jobProject().orElse(LOCAL_PROJECT));
      }
      return options.build().getService();
    } catch (RuntimeException e) {
      // No project or no credentials in the environment.
      throw new FeatureStoreException(ErrorCode.INVALID_CONFIG,
          "feature_store.yaml: cannot set up the BigQuery client (set offline_store.project_id"
              + " and credentials, e.g. GOOGLE_APPLICATION_CREDENTIALS): " + e.getMessage(), e);
    }
  }
}
