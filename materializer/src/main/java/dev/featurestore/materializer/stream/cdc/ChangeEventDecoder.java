package dev.featurestore.materializer.stream.cdc;

import static java.util.Objects.requireNonNull;

import dev.featurestore.materializer.stream.StreamPosition;
import dev.featurestore.materializer.stream.StreamRecord;
import dev.featurestore.materializer.stream.StreamRecord.Operation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Decodes Debezium PostgreSQL change events into {@link StreamRecord}s. One decoder serves one run
 * of the embedded engine, because the positions it hands out depend on what that run has seen.
 *
 * <p>Positions. Debezium's source offset holds {@code lsn_commit}, the LSN of the last COMMIT the
 * stream passed, and {@code lsn}, the change's own LSN (the two halves of {@code source.sequence}).
 * Records of a transaction therefore carry the commit LSN of the transaction streamed
 * <em>before</em> theirs: pgoutput's BEGIN does announce the transaction's own commit LSN, but
 * Debezium drops it. The pair still increases in stream (commit) order, since every transaction
 * boundary raises {@code lsn_commit}, and a replay from stored offsets repeats the very same pairs.
 * So: {@code major = lsn_commit}, {@code minor = lsn}, floored as follows.
 *
 * <ul>
 *   <li>Before a run has passed any COMMIT and had no stored offset, {@code lsn_commit} is absent;
 *       {@code major} is then the slot's {@code confirmed_flush_lsn} at start (0 for a new slot),
 *       which is exactly the {@code lsn_commit} those records had when first streamed.
 *   <li>Snapshot records ({@code op = r}) all carry the snapshot's LSN; they get {@code major} =
 *       that LSN and {@code minor} = 1, 2, 3... in read order. Later streamed records get at least
 *       {@code major} = snapshot LSN + 1, so they sort after the snapshot. A snapshot that is
 *       interrupted and redone starts at a later LSN, so its rows are applied again rather than
 *       skipped.
 * </ul>
 */
final class ChangeEventDecoder {
  private static final String LSN = "lsn";
  private static final String LSN_COMMIT = "lsn_commit";

  private final Map<String, String> sourceByTable;
  private long floorMajor;
  private long snapshotOrdinal;

  /**
   * @param sourceByTable {@code schema.table} to Feast source name
   * @param slotConfirmedFlushLsn the slot's {@code confirmed_flush_lsn} when the run starts, 0 when
   *     the slot does not exist yet
   */
  ChangeEventDecoder(Map<String, String> sourceByTable, long slotConfirmedFlushLsn) {
    this.sourceByTable = Map.copyOf(requireNonNull(sourceByTable, "sourceByTable is null"));
    this.floorMajor = slotConfirmedFlushLsn;
  }

  /** What became of one event. */
  sealed interface Decoded {}

  /** A change of a followed table. */
  record Change(StreamRecord record) implements Decoded {}

  /** An event that cannot become a record; the handler hears of it through {@code rejected}. */
  record Rejected(String source, StreamPosition position, String problem) implements Decoded {}

  /** Not a row change (a heartbeat, a tombstone): nothing to deliver, only to mark processed. */
  record Ignored() implements Decoded {}

  /** Decodes one event; call it in stream order, exactly once per event of this run. */
  Decoded decode(SourceRecord event) {
    if (!(event.value() instanceof Struct envelope)
        || envelope.schema().field("op") == null
        || envelope.schema().field("source") == null) {
      return new Ignored();
    }
    Struct source = envelope.getStruct("source");
    String op = envelope.getString("op");
    StreamPosition position = position(event.sourceOffset(), source, "r".equals(op));
    String table = source.getString("schema") + "." + source.getString("table");
    String sourceName = sourceByTable.get(table);
    if (sourceName == null) {
      return new Rejected(table, position, "table " + table + " is not followed by any source");
    }
    try {
      return new Change(
          new StreamRecord(
              sourceName, operation(op, table), row(envelope, op), committedAt(source), position));
    } catch (RuntimeException e) {
      return new Rejected(
          sourceName, position, "cannot decode the change of " + table + ": " + e.getMessage());
    }
  }

  private StreamPosition position(Map<String, ?> offset, Struct source, boolean snapshot) {
    if (snapshot) {
      long snapshotLsn = number(offset.get(LSN), source.getInt64(LSN));
      floorMajor = Math.max(floorMajor, snapshotLsn + 1);
      return new StreamPosition("", snapshotLsn, ++snapshotOrdinal);
    }
    long commitLsn = number(offset.get(LSN_COMMIT), 0L);
    long lsn = number(offset.get(LSN), source.getInt64(LSN));
    return new StreamPosition("", Math.max(commitLsn, floorMajor), lsn);
  }

  private static long number(Object value, Long fallback) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    return fallback == null ? 0L : fallback;
  }

  private static Operation operation(String op, String table) {
    return switch (op) {
      case "c", "r" -> Operation.INSERT;
      case "u" -> Operation.UPDATE;
      case "d" -> Operation.DELETE;
      default -> throw new IllegalArgumentException("operation '" + op + "' on " + table);
    };
  }

  /**
   * The new row; for a delete the old one without its null columns, which leaves the key columns
   * under the default replica identity (pgoutput sends only those) and the whole old row under
   * REPLICA IDENTITY FULL.
   */
  private static Map<String, Object> row(Struct envelope, String op) {
    if (!"d".equals(op)) {
      Struct after = envelope.getStruct("after");
      if (after == null) {
        throw new IllegalArgumentException("the event has no 'after' row");
      }
      return DebeziumValues.columns(after);
    }
    Struct before = envelope.getStruct("before");
    if (before == null) {
      throw new IllegalArgumentException("the delete has no 'before' row");
    }
    Map<String, Object> columns = new LinkedHashMap<>();
    DebeziumValues.columns(before)
        .forEach(
            (name, value) -> {
              if (value != null) {
                columns.put(name, value);
              }
            });
    return columns;
  }

  /** The commit time (for snapshot rows: when they were read), to the microsecond when given. */
  private static Instant committedAt(Struct source) {
    if (source.schema().field("ts_us") != null && source.getInt64("ts_us") != null) {
      return Instant.EPOCH.plus(source.getInt64("ts_us"), ChronoUnit.MICROS);
    }
    return Instant.ofEpochMilli(source.getInt64("ts_ms"));
  }
}
