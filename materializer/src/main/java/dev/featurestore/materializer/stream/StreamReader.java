package dev.featurestore.materializer.stream;

import java.util.Map;

/**
 * Reads one stream (a PostgreSQL database through CDC, a Kafka topic) on its own thread and hands
 * records to a {@link StreamRecordHandler} in stream order, in batches.
 *
 * <p>Delivery is at least once: after a restart a reader may repeat records it delivered before;
 * {@link StreamProcessor} skips positions at or below its checkpoint. A reader that can seek
 * (Kafka) starts after {@code resumeAfter}; one that keeps its own offsets (Debezium) may start
 * earlier.
 */
public interface StreamReader extends AutoCloseable {

  /** The stream's name in metrics, logs and the console: {@code cdc} or the Kafka source's name. */
  String name();

  /**
   * Starts reading in the background and returns.
   *
   * @param resumeAfter the last position applied per partition, from the checkpoint (empty on a
   *     first start)
   */
  void start(StreamRecordHandler handler, Map<String, StreamPosition> resumeAfter);

  /** Whether the reader is connected and reading (false while it retries after an error). */
  boolean isRunning();

  /** The last error the reader met, or {@code null}; for the console and logs. */
  String lastError();

  /** Stops reading; idempotent. Waits for the batch in progress to be handled. */
  @Override
  void close();
}
