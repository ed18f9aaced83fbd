package dev.featurestore.materializer.stream.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.materializer.stream.StreamPosition;
import dev.featurestore.materializer.stream.StreamRecord.Operation;
import dev.featurestore.materializer.stream.cdc.ChangeEventDecoder.Change;
import dev.featurestore.materializer.stream.cdc.ChangeEventDecoder.Decoded;
import dev.featurestore.materializer.stream.cdc.ChangeEventDecoder.Ignored;
import dev.featurestore.materializer.stream.cdc.ChangeEventDecoder.Rejected;
import io.debezium.time.MicroTimestamp;
import io.debezium.time.ZonedTimestamp;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * Positions and values from hand-built Debezium envelopes, for cases a live server rarely shows.
 */
class ChangeEventDecoderTest {
  private static final Schema ROW =
      SchemaBuilder.struct()
          .field("id", Schema.INT32_SCHEMA)
          .field("name", Schema.OPTIONAL_STRING_SCHEMA)
          .optional()
          .build();
  private static final Schema SOURCE =
      SchemaBuilder.struct()
          .field("schema", Schema.STRING_SCHEMA)
          .field("table", Schema.STRING_SCHEMA)
          .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
          .field("ts_ms", Schema.INT64_SCHEMA)
          .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
          .build();
  private static final Schema ENVELOPE =
      SchemaBuilder.struct()
          .field("before", ROW)
          .field("after", ROW)
          .field("source", SOURCE)
          .field("op", Schema.STRING_SCHEMA)
          .build();

  private final ChangeEventDecoder decoder =
      new ChangeEventDecoder(Map.of("public.users", "users_source"), 0);

  @Test
  void snapshotRowsSortBeforeTheStreamThatFollows() {
    assertThat(position(event("users", "r", 1000L, null, 1, "a"))).isEqualTo(at(1000, 1));
    assertThat(position(event("users", "r", 1000L, null, 2, "b"))).isEqualTo(at(1000, 2));
    // The first streamed transaction has no commit LSN yet: it sorts right after the snapshot.
    assertThat(position(event("users", "c", 1200L, null, 3, "c"))).isEqualTo(at(1001, 1200));
    assertThat(position(event("users", "c", 1400L, 1300L, 4, "d"))).isEqualTo(at(1300, 1400));
  }

  @Test
  void withoutACommitLsnTheSlotPositionIsTheMajor() {
    ChangeEventDecoder resumed = new ChangeEventDecoder(Map.of("public.users", "users"), 5000);
    Decoded decoded = resumed.decode(event("users", "u", 5100L, null, 1, "a"));
    assertThat(((Change) decoded).record().position()).isEqualTo(at(5000, 5100));
    assertThat(((Change) decoded).record().operation()).isEqualTo(Operation.UPDATE);
    // A stored commit LSN above the slot's position wins.
    Decoded later = resumed.decode(event("users", "u", 6100L, 6000L, 1, "b"));
    assertThat(((Change) later).record().position()).isEqualTo(at(6000, 6100));
  }

  @Test
  void aTableWithoutSourceIsRejectedAtItsPosition() {
    Decoded decoded = decoder.decode(event("orders", "c", 700L, 600L, 1, "a"));
    assertThat(decoded)
        .isEqualTo(
            new Rejected(
                "public.orders",
                at(600, 700),
                "table public.orders is not followed by any source"));
  }

  @Test
  void anUnchangedToastedValueIsLeftOut() {
    Change change =
        (Change) decoder.decode(event("users", "u", 10L, 9L, 1, DebeziumValues.UNAVAILABLE));
    assertThat(change.record().columns()).containsOnlyKeys("id").containsEntry("id", 1L);
  }

  @Test
  void aDeleteCarriesTheOldRowWithoutItsNulls() {
    Struct envelope = envelope("users", "d", 10L);
    envelope.put("before", new Struct(ROW).put("id", 7));
    Change change = (Change) decoder.decode(record(envelope, 10L, 9L));
    assertThat(change.record().operation()).isEqualTo(Operation.DELETE);
    assertThat(change.record().columns()).isEqualTo(Map.of("id", 7L));
  }

  @Test
  void commitTimeUsesMicrosecondsWhenGiven() {
    Struct envelope = envelope("users", "c", 10L);
    envelope.put("after", new Struct(ROW).put("id", 1));
    envelope.getStruct("source").put("ts_us", 1_700_000_000_123_456L);
    Change change = (Change) decoder.decode(record(envelope, 10L, 9L));
    assertThat(change.record().committedAt())
        .isEqualTo(Instant.parse("2023-11-14T22:13:20.123456Z"));
  }

  @Test
  void eventsWithoutEnvelopeAreIgnored() {
    SourceRecord tombstone =
        new SourceRecord(Map.of(), Map.of("lsn", 1L), "featurestore.public.users", null, null);
    assertThat(decoder.decode(tombstone)).isInstanceOf(Ignored.class);
  }

  @Test
  void semanticTypesBecomeJavaValues() {
    assertThat(DebeziumValues.toJava(MicroTimestamp.builder().build(), 1_000_001L))
        .isEqualTo(Instant.parse("1970-01-01T00:00:01.000001Z"));
    assertThat(DebeziumValues.toJava(ZonedTimestamp.builder().build(), "2024-01-02T03:04:05+01:00"))
        .isEqualTo(Instant.parse("2024-01-02T02:04:05Z"));
    assertThat(DebeziumValues.toJava(ZonedTimestamp.builder().build(), "infinity"))
        .isEqualTo("infinity");
    assertThat(DebeziumValues.toJava(Decimal.schema(2), new BigDecimal("12.34"))).isEqualTo(12.34d);
    assertThat(DebeziumValues.toJava(Schema.BYTES_SCHEMA, ByteBuffer.wrap(new byte[] {1, 2})))
        .isEqualTo(new byte[] {1, 2});
    assertThat(DebeziumValues.toJava(Schema.INT16_SCHEMA, (short) 3)).isEqualTo(3L);
    assertThat(DebeziumValues.toJava(Schema.FLOAT32_SCHEMA, 1.5f)).isEqualTo(1.5d);
  }

  @Test
  void parsesPostgresLsnText() {
    assertThat(CdcPreflight.parseLsn("16/B374D848")).isEqualTo(0x16_B374_D848L);
    assertThat(CdcPreflight.parseLsn("0/0")).isZero();
  }

  private StreamPosition position(SourceRecord event) {
    return ((Change) decoder.decode(event)).record().position();
  }

  private static SourceRecord event(
      String table, String op, Long lsn, Long commitLsn, int id, String name) {
    Struct envelope = envelope(table, op, lsn);
    envelope.put("after", new Struct(ROW).put("id", id).put("name", name));
    return record(envelope, lsn, commitLsn);
  }

  private static Struct envelope(String table, String op, Long lsn) {
    Struct source =
        new Struct(SOURCE)
            .put("schema", "public")
            .put("table", table)
            .put("lsn", lsn)
            .put("ts_ms", 1_700_000_000_000L);
    return new Struct(ENVELOPE).put("source", source).put("op", op);
  }

  private static SourceRecord record(Struct envelope, Long lsn, Long commitLsn) {
    Map<String, Object> offset = new HashMap<>();
    offset.put("lsn", lsn);
    if (commitLsn != null) {
      offset.put("lsn_commit", commitLsn);
    }
    return new SourceRecord(
        Map.of("server", "featurestore"), offset, "featurestore.public.users", ENVELOPE, envelope);
  }

  private static StreamPosition at(long major, long minor) {
    return new StreamPosition("", major, minor);
  }
}
