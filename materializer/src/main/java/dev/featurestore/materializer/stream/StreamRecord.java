package dev.featurestore.materializer.stream;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One change or message read from a stream, decoded to plain Java values but not yet to a view's
 * feature types (that is {@link StreamProcessor}'s job, so a bad value is a counted bad record and
 * not a reader failure).
 *
 * @param source the Feast data source (a {@code PostgresCdcSource} or {@code KafkaSource}) the
 *     record belongs to
 * @param columns column name to value: {@code null}, {@link String}, {@link Long} (every integer
 *     width), {@link Double} (every float width and decimals), {@link Boolean}, {@code byte[]},
 *     {@link Instant} (timestamps; epoch numbers stay numbers), {@link java.time.LocalDate}. For a
 *     delete: the old row's key columns (all columns with {@code REPLICA IDENTITY FULL})
 * @param committedAt when the source committed it (PostgreSQL commit time, Kafka record time):
 *     lag is measured from here to the online-store write
 * @param position where the record sits in its stream, for checkpoints and de-duplication
 */
public record StreamRecord(
    String source,
    Operation operation,
    Map<String, Object> columns,
    Instant committedAt,
    StreamPosition position) {

  /** What happened to the row. Kafka messages are inserts. */
  public enum Operation {
    INSERT,
    UPDATE,
    DELETE
  }

  public StreamRecord {
    requireNonNull(source, "source is null");
    requireNonNull(operation, "operation is null");
    // Values may be null, which Map.copyOf refuses.
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    requireNonNull(committedAt, "committedAt is null");
    requireNonNull(position, "position is null");
  }
}
