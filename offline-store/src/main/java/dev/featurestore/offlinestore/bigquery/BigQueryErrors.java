package dev.featurestore.offlinestore.bigquery;

import com.google.cloud.bigquery.BigQueryException;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;

/** Sorts BigQuery's errors into the store's codes by HTTP status and reason. */
final class BigQueryErrors {

  private BigQueryErrors() {}

  static FeatureStoreException failure(String view, BigQueryException e) {
    String reason = e.getReason() == null ? "" : e.getReason();
    if (e.getCode() == 404 || reason.equals("notFound")) {
      return new FeatureStoreException(ErrorCode.DATA_SOURCE_NOT_FOUND,
          "BigQuery cannot find what feature view '" + view + "' reads: " + e.getMessage(), e);
    }
    if (e.getCode() == 400 && !e.isRetryable()) {
      // invalidQuery, invalid: the SQL or the source definition is at fault.
      return new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
          "BigQuery rejected the pull of feature view '" + view + "': " + e.getMessage(), e);
    }
    return new FeatureStoreException(ErrorCode.OFFLINE_STORE_UNAVAILABLE,
        "BigQuery could not serve the pull of feature view '" + view + "': " + e.getMessage(), e);
  }
}
