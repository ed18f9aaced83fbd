package dev.featurestore.materializer.stream;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.offline.FeatureValues;
import dev.featurestore.core.online.EventTimes;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Turns a record's plain Java values into Feast values, keys and times, or a bad record. */
final class StreamValues {
  private StreamValues() {}

  static Value value(Object value, Field field, String column) {
    try {
      return FeatureValues.of(value, field.dtype().valueType());
    } catch (IllegalArgumentException | ArithmeticException | ClassCastException e) {
      throw new BadRecordException(
          "column '"
              + column
              + "' holds "
              + describe(value)
              + ", which is not a "
              + field.dtype().pythonName()
              + " (feature '"
              + field.name()
              + "'): "
              + e.getMessage());
    }
  }

  /** The entity key of a record, join keys in the view's order; a missing or null key is bad. */
  static EntityKey entityKey(Map<String, Object> columns, List<Field> joinKeys, Map<String, String> columnOf) {
    EntityKey.Builder key = EntityKey.newBuilder();
    for (Field joinKey : joinKeys) {
      String column = columnOf.getOrDefault(joinKey.name(), joinKey.name());
      Object raw = columns.get(column);
      if (raw == null) {
        throw new BadRecordException(
            columns.containsKey(column)
                ? "join key '" + joinKey.name() + "' is null"
                : "join key column '" + column + "' is missing");
      }
      key.addJoinKeys(joinKey.name()).addEntityValues(value(raw, joinKey, column));
    }
    return key.build();
  }

  /** An event time: a timestamp, ISO-8601 text (naive = UTC), a date, or epoch seconds. */
  static Instant instant(Object value, String column) {
    if (value == null) {
      throw new BadRecordException("event time column '" + column + "' is null or missing");
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof LocalDate date) {
      return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (value instanceof Long || value instanceof Integer) {
      return Instant.ofEpochSecond(((Number) value).longValue());
    }
    if (value instanceof Number number) {
      return EventTimes.ofEpochSeconds(number.doubleValue());
    }
    if (value instanceof String text) {
      return EventTimes.parseIso(text).orElseThrow(() -> new BadRecordException(
          "event time column '" + column + "' holds '" + text + "', not an ISO-8601 time"));
    }
    throw new BadRecordException(
        "event time column '" + column + "' holds " + describe(value) + ", not a time");
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value instanceof byte[] bytes ? bytes.length + " bytes" : String.valueOf(value);
    if (text.length() > 60) {
      text = text.substring(0, 57) + "...";
    }
    return value.getClass().getSimpleName() + " '" + text + "'";
  }
}
