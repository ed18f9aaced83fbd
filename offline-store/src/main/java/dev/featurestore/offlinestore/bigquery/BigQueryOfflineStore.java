package dev.featurestore.offlinestore.bigquery;

import static java.util.Objects.requireNonNull;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobException;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.offline.SourceColumns;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code bigquery} offline store: {@code BigQuerySource}s (a table or a query) read with
 * Google's BigQuery client, as Feast's {@code infra/offline_stores/bigquery.py}. The window filter
 * and the choice of the latest row per entity run in BigQuery ({@link BigQueryPullQuery}); the
 * result is read page by page.
 *
 * <p>{@link #checkPull} reads the schema of a table source with {@code tables.get}, and that of a
 * query source with a dry-run job, which BigQuery does not bill. Thread-safe, as the client is.
 */
public final class BigQueryOfflineStore implements OfflineStore {

  private final BigQuery bigquery;

  public BigQueryOfflineStore(BigQuery bigquery) {
    this.bigquery = requireNonNull(bigquery, "bigquery is null");
  }

  @Override
  public void checkPull(PullLatestRequest request) {
    plan(request);
  }

  @Override
  public OfflineRowStream pullLatest(PullLatestRequest request) {
    BigQueryPullQuery query = plan(request);
    QueryJobConfiguration job = QueryJobConfiguration.newBuilder(query.sql())
        .setUseLegacySql(false)
        .setNamedParameters(query.parameters())
        .setMaxResults((long) request.batchSize())
        .build();
    String view = request.view().name();
    try {
      TableResult result = bigquery.query(job);
      return new BigQueryRowStream(view, query, request.batchSize(), result.iterateAll().iterator());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FeatureStoreException(ErrorCode.OFFLINE_STORE_UNAVAILABLE,
          "interrupted while BigQuery ran the pull of feature view '" + view + "'", e);
    } catch (BigQueryException e) {
      throw BigQueryErrors.failure(view, e);
    } catch (JobException e) {
      throw jobFailed(view, e);
    }
  }

  private BigQueryPullQuery plan(PullLatestRequest request) {
    SourceColumns columns = SourceColumns.of(request);
    BigQuerySourceLocation location = BigQuerySourceLocation.of(columns.source());
    String view = request.view().name();
    try {
      return BigQueryPullQuery.plan(request, columns, schema(location));
    } catch (BigQueryException e) {
      throw BigQueryErrors.failure(view, e);
    } catch (JobException e) {
      throw jobFailed(view, e);
    }
  }

  private Map<String, Field> schema(BigQuerySourceLocation location) {
    Optional<TableId> tableId = location.tableId();
    Schema schema;
    if (tableId.isPresent()) {
      Table table = bigquery.getTable(tableId.get());
      if (table == null) {
        throw new FeatureStoreException(ErrorCode.DATA_SOURCE_NOT_FOUND,
            "table '" + location.table() + "' of source '" + location.sourceName()
                + "' does not exist in BigQuery");
      }
      schema = table.getDefinition().getSchema();
    } else {
      Job dryRun = bigquery.create(JobInfo.of(QueryJobConfiguration.newBuilder(location.query())
          .setUseLegacySql(false)
          .setDryRun(true)
          .build()));
      JobStatistics.QueryStatistics statistics = dryRun.getStatistics();
      schema = statistics.getSchema();
    }
    Map<String, Field> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (schema != null) {
      schema.getFields().forEach(f -> fields.put(f.getName(), f));
    }
    return fields;
  }

  private static FeatureStoreException jobFailed(String view, JobException e) {
    boolean invalid = e.getErrors() != null && e.getErrors().stream()
        .map(BigQueryError::getReason)
        .anyMatch(r -> "invalidQuery".equals(r) || "invalid".equals(r));
    return new FeatureStoreException(
        invalid ? ErrorCode.INVALID_DEFINITION : ErrorCode.OFFLINE_STORE_UNAVAILABLE,
        "the BigQuery job of feature view '" + view + "' failed: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    // The client holds no connections that need closing.
  }
}
