package dev.featurestore.materializer.stream.cdc;

import io.debezium.time.Date;
import io.debezium.time.MicroTime;
import io.debezium.time.MicroTimestamp;
import io.debezium.time.NanoTime;
import io.debezium.time.NanoTimestamp;
import io.debezium.time.Time;
import io.debezium.time.Timestamp;
import io.debezium.time.ZonedTimestamp;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Turns a Debezium row struct ({@code before} or {@code after}) into the plain Java values {@link
 * dev.featurestore.materializer.stream.StreamRecord} promises, using the Connect type and
 * Debezium's semantic type name of each column.
 *
 * <p>Mind the connector settings this relies on: {@code decimal.handling.mode=double} (numeric
 * arrives as a double) and the default {@code time.precision.mode=adaptive}: {@code timestamp}
 * arrives as epoch milli/micro/nanoseconds of the wall-clock time read as UTC, {@code timestamptz}
 * as an ISO-8601 string ({@link ZonedTimestamp}), {@code date} as epoch days.
 */
final class DebeziumValues {
  /**
   * What pgoutput sends for a TOASTed column an UPDATE did not change (without REPLICA IDENTITY
   * FULL); Debezium's default {@code unavailable.value.placeholder}.
   */
  static final String UNAVAILABLE = "__debezium_unavailable_value";

  private static final byte[] UNAVAILABLE_BYTES =
      UNAVAILABLE.getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private DebeziumValues() {}

  /**
   * The row's columns in table order. Columns whose value pgoutput did not send (unchanged TOASTed
   * values) are left out rather than passed on as Debezium's placeholder text.
   */
  static Map<String, Object> columns(Struct row) {
    Map<String, Object> columns = new LinkedHashMap<>();
    for (Field field : row.schema().fields()) {
      Object value = toJava(field.schema(), row.get(field));
      if (!isUnavailable(value)) {
        columns.put(field.name(), value);
      }
    }
    return columns;
  }

  /** One column value; {@code null} stays {@code null}. */
  static Object toJava(Schema schema, Object value) {
    if (value == null) {
      return null;
    }
    String semantic = schema.name();
    if (semantic != null) {
      Object converted = semantic(semantic, value);
      if (converted != null) {
        return converted;
      }
    }
    return switch (schema.type()) {
      case INT8, INT16, INT32, INT64 -> ((Number) value).longValue();
      case FLOAT32, FLOAT64 -> ((Number) value).doubleValue();
      case BOOLEAN -> value;
      case STRING -> value.toString();
      case BYTES -> bytes(value);
      default -> String.valueOf(value);
    };
  }

  private static Object semantic(String name, Object value) {
    return switch (name) {
      case Timestamp.SCHEMA_NAME, org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME ->
          value instanceof java.util.Date date
              ? date.toInstant()
              : Instant.ofEpochMilli(((Number) value).longValue());
      case MicroTimestamp.SCHEMA_NAME ->
          Instant.EPOCH.plus(((Number) value).longValue(), ChronoUnit.MICROS);
      case NanoTimestamp.SCHEMA_NAME ->
          Instant.EPOCH.plus(((Number) value).longValue(), ChronoUnit.NANOS);
      case ZonedTimestamp.SCHEMA_NAME -> zonedTimestamp(value.toString());
      case Date.SCHEMA_NAME -> LocalDate.ofEpochDay(((Number) value).longValue());
      case org.apache.kafka.connect.data.Date.LOGICAL_NAME ->
          value instanceof java.util.Date date
              ? LocalDate.ofInstant(date.toInstant(), java.time.ZoneOffset.UTC)
              : LocalDate.ofEpochDay(((Number) value).longValue());
      // Times of day have no Java type in the contract: their ISO text.
      case Time.SCHEMA_NAME ->
          LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000L).toString();
      case MicroTime.SCHEMA_NAME ->
          LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000L).toString();
      case NanoTime.SCHEMA_NAME -> LocalTime.ofNanoOfDay(((Number) value).longValue()).toString();
      case org.apache.kafka.connect.data.Decimal.LOGICAL_NAME -> ((BigDecimal) value).doubleValue();
      default -> null;
    };
  }

  /** ISO text with an offset; PostgreSQL's {@code infinity} and the like stay text. */
  private static Object zonedTimestamp(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return text;
    }
  }

  private static byte[] bytes(Object value) {
    if (value instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return bytes;
    }
    return ((byte[]) value).clone();
  }

  private static boolean isUnavailable(Object value) {
    return UNAVAILABLE.equals(value)
        || value instanceof byte[] bytes && Arrays.equals(bytes, UNAVAILABLE_BYTES);
  }
}
