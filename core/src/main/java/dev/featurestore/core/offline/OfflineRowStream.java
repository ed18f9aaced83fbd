package dev.featurestore.core.offline;

import dev.featurestore.core.online.OnlineWriteRow;
import java.util.List;

/**
 * Rows of one {@link OfflineStore#pullLatest} call, handed out in batches so that only one batch
 * is held in memory at a time. Not thread-safe: one consumer reads it, then closes it.
 */
public interface OfflineRowStream extends AutoCloseable {

  /**
   * The next rows, at most {@link PullLatestRequest#batchSize()} of them; an empty list once the
   * stream is exhausted (and on every call after that). Throws {@code OFFLINE_STORE_UNAVAILABLE}
   * if the engine fails mid-way and {@code INVALID_DEFINITION} for a value that does not fit its
   * declared dtype (e.g. an out-of-range integer).
   */
  List<OnlineWriteRow> nextBatch();

  /** Stops the query and frees its resources; idempotent. */
  @Override
  void close();
}
