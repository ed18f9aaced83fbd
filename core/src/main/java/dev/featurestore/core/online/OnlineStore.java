package dev.featurestore.core.online;

import feast.proto.types.EntityKeyProto.EntityKey;
import java.util.List;

/**
 * Feature values for serving, in one of Feast's online-store layouts (Redis hashes, SQLite tables)
 * so Feast and this project can share an online store.
 *
 * <p>Implementations are thread-safe and called from many request threads at once. Their calls
 * block; servers run them off event-loop threads. Failures reaching the backing store are thrown as
 * {@link dev.featurestore.core.error.FeatureStoreException} with code {@code
 * ONLINE_STORE_UNAVAILABLE} (retriable); a stored value that does not parse is {@code INTERNAL}.
 * The caller closes the store.
 */
public interface OnlineStore extends AutoCloseable {

  /**
   * Reads every {@link ViewRead} in one round trip to the store where the store allows (one
   * pipeline on Redis; per-shard pipelines sent in parallel on a Redis Cluster).
   *
   * @return one list per read, in the same order; inside it one element per key, in the same
   *     order: the row, or {@code null} when the store holds nothing for that entity and view
   */
  List<List<OnlineRow>> read(String project, List<ViewRead> reads);

  /**
   * Writes rows of one view in batches. Idempotent: writing the same rows twice leaves the same
   * state. A failure part-way may leave some rows written, each one whole.
   */
  void write(String project, String view, List<OnlineWriteRow> rows);

  /**
   * Writes rows of one view whatever event time the store holds: for change streams, whose order
   * (not the rows' event times) says which value is current, and for windowed aggregates that a
   * late event revises under the same event time. Same batching and atomicity as {@link #write}.
   */
  void overwrite(String project, String view, List<OnlineWriteRow> rows);

  /**
   * Removes one view's values of the given entities (a row deleted at the source); idempotent.
   * Values other views keep for the same entities stay.
   *
   * @param features the view's plain feature names (Redis stores them as hashed fields)
   */
  void deleteEntities(String project, String view, List<String> features, List<EntityKey> keys);

  /** Removes every value of the given views (e.g. a view deleted by apply); idempotent. */
  void deleteViews(String project, List<String> views);

  /** Whether the store answers now, cheaply (a PING); never throws. */
  boolean isHealthy();

  /** Releases connections; idempotent. */
  @Override
  void close();
}
