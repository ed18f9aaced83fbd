package dev.featurestore.core.offline;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;

/**
 * Reads feature values from where they are computed (Parquet files through DuckDB, PostgreSQL,
 * BigQuery), the counterpart of Feast's {@code infra/offline_stores/offline_store.py}: the latest
 * rows of a window for materialization, and point-in-time-correct historical retrieval for
 * training data.
 *
 * <p>Every heavy step (filtering the window, picking the latest row per entity) runs inside the
 * engine, never in Java, and results reach the caller in bounded batches, so memory does not grow
 * with the size of the source.
 *
 * <p>Implementations are thread-safe: concurrent calls use separate connections or sessions.
 * Failures reaching the engine are {@link dev.featurestore.core.error.FeatureStoreException}s with
 * code {@code OFFLINE_STORE_UNAVAILABLE} (retriable); a definition that does not fit the data (a
 * missing file, table or column, a column type that cannot become the declared dtype) is reported
 * with a user-error or not-found code naming the view, the source and the column. The caller
 * closes the store.
 */
public interface OfflineStore extends AutoCloseable {

  /**
   * Checks, without reading rows, that {@link #pullLatest} of this request can succeed: the
   * view's source kind is one this store reads, the source exists, every column it needs exists
   * and each has a type convertible to the declared dtype. Callers validate every view of a run
   * this way before writing anything. Reads only metadata (a file footer, a catalog).
   *
   * @throws dev.featurestore.core.error.FeatureStoreException {@code INVALID_DEFINITION} for a
   *     source kind this store cannot read, a missing column or an unconvertible type; {@code
   *     DATA_SOURCE_NOT_FOUND} when the file or table does not exist
   */
  void checkPull(PullLatestRequest request);

  /**
   * The latest row of each entity in the request's window, as Feast's {@code
   * pull_latest_from_table_or_query}: rows whose event time ({@code timestamp_field}) lies in
   * {@code [start, end]} (both ends inclusive, as every Feast offline store filters), one per
   * distinct join-key tuple, picked by the greatest event time and among equal event times the
   * greatest created timestamp. The view's source {@code field_mapping} is applied: columns are
   * read under their source names and reported under the feature and join-key names. An
   * entityless view yields at most one row, keyed by Feast's dummy key {@code __dummy_id = ""}.
   *
   * <p>Performs the checks of {@link #checkPull} first and throws before returning if one fails;
   * the returned stream has already started the query. Rows arrive in no particular order.
   *
   * @return an open stream the caller must close (closing early cancels the query)
   */
  OfflineRowStream pullLatest(PullLatestRequest request);

  /**
   * Point-in-time-correct historical retrieval, as Feast's {@code get_historical_features}: for
   * every entity row and every requested view, the values of the latest source row with the same
   * join-key values whose event time is at or before the entity row's event time, and, when the
   * view has a non-zero ttl, at or after that time minus the ttl (Feast's bounds; both inclusive).
   * Among rows with the same event time the greatest created timestamp wins. Created timestamps
   * never exclude a row: a value written after the entity time for an earlier event time counts,
   * as in Feast unless its {@code filter_by_created_timestamp} is set. No match gives nulls.
   *
   * <p>The output has one row per entity row, in the entity rows' order (duplicates kept): the
   * entity columns as given, the event-time column as a UTC timestamp, then one column per
   * requested feature, grouped by view in request order, named as {@link
   * HistoricalFeatureView#outputColumn} says, with the source column's type. The join runs inside
   * the engine and the engine writes the output, so the entity rows and the result never pass
   * through Java memory unless given as {@link EntityRows.Rows}.
   *
   * <p>Checks the request before running it: {@code INVALID_ARGUMENT} for entity rows without an
   * event-time column or without a join-key column a view needs (naming it), or output columns that
   * collide; {@code DATA_SOURCE_NOT_FOUND} / {@code INVALID_DEFINITION} as {@link #checkPull} for
   * sources. Nothing is written when a check fails. The default implementation throws {@code
   * UNSUPPORTED_CONSTRUCT}: back-ends add retrieval one at a time.
   *
   * @return what was written; the output file is replaced if it exists
   */
  default HistoricalRetrievalResult getHistoricalFeatures(HistoricalRetrievalRequest request) {
    throw new FeatureStoreException(
        ErrorCode.UNSUPPORTED_CONSTRUCT,
        "historical retrieval is not supported by the " + getClass().getSimpleName()
            + " offline store yet");
  }

  /** Releases connections and engine resources; idempotent. Open streams must be closed first. */
  @Override
  void close();
}
