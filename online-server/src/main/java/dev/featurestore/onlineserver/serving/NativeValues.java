package dev.featurestore.onlineserver.serving;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.online.EventTimes;
import feast.proto.types.ValueProto;
import feast.proto.types.ValueProto.Value;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Converts the native values of a pushed data frame (as parsed from JSON: numbers, strings,
 * booleans, lists, maps, null) to {@link Value}s of a declared type. Failures throw {@link
 * IllegalArgumentException} with a short reason; callers add the column and row.
 */
final class NativeValues {
  private NativeValues() {}

  static Value toValue(Object value, ValueType type) {
    if (value == null) {
      return Value.getDefaultInstance();
    }
    Value.Builder b = Value.newBuilder();
    return switch (type) {
      case BYTES -> b.setBytesVal(bytes(value)).build();
      case STRING -> b.setStringVal(string(value)).build();
      case INT32 -> b.setInt32Val(Math.toIntExact(integer(value))).build();
      case INT64 -> b.setInt64Val(integer(value)).build();
      case DOUBLE -> b.setDoubleVal(number(value)).build();
      case FLOAT -> b.setFloatVal((float) number(value)).build();
      case BOOL -> b.setBoolVal(bool(value)).build();
      case UNIX_TIMESTAMP -> b.setUnixTimestampVal(timestamp(value).getSeconds()).build();
      case BYTES_LIST -> b.setBytesListVal(ValueProto.BytesList.newBuilder().addAllVal(list(value).stream().map(NativeValues::bytes).toList())).build();
      case STRING_LIST -> b.setStringListVal(ValueProto.StringList.newBuilder().addAllVal(list(value).stream().map(NativeValues::string).toList())).build();
      case INT32_LIST -> b.setInt32ListVal(ValueProto.Int32List.newBuilder().addAllVal(list(value).stream().map(v -> Math.toIntExact(integer(v))).toList())).build();
      case INT64_LIST -> b.setInt64ListVal(ValueProto.Int64List.newBuilder().addAllVal(list(value).stream().map(NativeValues::integer).toList())).build();
      case DOUBLE_LIST -> b.setDoubleListVal(ValueProto.DoubleList.newBuilder().addAllVal(list(value).stream().map(NativeValues::number).toList())).build();
      case FLOAT_LIST -> b.setFloatListVal(ValueProto.FloatList.newBuilder().addAllVal(list(value).stream().map(v -> (float) number(v)).toList())).build();
      case BOOL_LIST -> b.setBoolListVal(ValueProto.BoolList.newBuilder().addAllVal(list(value).stream().map(NativeValues::bool).toList())).build();
      case UNIX_TIMESTAMP_LIST -> b.setUnixTimestampListVal(ValueProto.Int64List.newBuilder().addAllVal(list(value).stream().map(v -> timestamp(v).getSeconds()).toList())).build();
      case JSON -> b.setJsonVal(value instanceof String s ? s : Json.write(value)).build();
      case MAP -> b.setMapVal(map(value)).build();
      default -> throw new IllegalArgumentException("pushing values of type " + type + " is not supported");
    };
  }

  /** An event time: ISO-8601 text (naive = UTC) or epoch seconds. */
  static Timestamp timestamp(Object value) {
    if (value instanceof Number n) {
      return timestamp(EventTimes.ofEpochSeconds(n.doubleValue()));
    }
    if (value instanceof String s) {
      return timestamp(EventTimes.parseIso(s).orElseThrow(
          () -> new IllegalArgumentException("'" + s.trim() + "' is not an ISO-8601 timestamp")));
    }
    throw new IllegalArgumentException("expected a timestamp (ISO-8601 text or epoch seconds), got " + describe(value));
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  private static ValueProto.Map map(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("expected an object, got " + describe(value));
    }
    ValueProto.Map.Builder b = ValueProto.Map.newBuilder();
    map.forEach((k, v) -> b.putVal(String.valueOf(k), inferred(v)));
    return b.build();
  }

  private static Value inferred(Object v) {
    if (v == null) {
      return Value.getDefaultInstance();
    }
    if (v instanceof Boolean) {
      return toValue(v, ValueType.BOOL);
    }
    if (v instanceof Integer || v instanceof Long) {
      return toValue(v, ValueType.INT64);
    }
    if (v instanceof Number) {
      return toValue(v, ValueType.DOUBLE);
    }
    if (v instanceof Map<?, ?>) {
      return toValue(v, ValueType.MAP);
    }
    if (v instanceof List<?>) {
      return toValue(Json.write(v), ValueType.JSON);
    }
    return toValue(v, ValueType.STRING);
  }

  private static List<?> list(Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    throw new IllegalArgumentException("expected an array, got " + describe(value));
  }

  private static ByteString bytes(Object value) {
    if (value instanceof String s) {
      return ByteString.copyFrom(Base64.getDecoder().decode(s));
    }
    throw new IllegalArgumentException("expected base64 text, got " + describe(value));
  }

  private static String string(Object value) {
    if (value instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("expected a string, got " + describe(value));
  }

  private static long integer(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return d.longValue();
    }
    throw new IllegalArgumentException("expected an integer, got " + describe(value));
  }

  private static double number(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("expected a number, got " + describe(value));
  }

  private static boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException("expected true or false, got " + describe(value));
  }

  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
    }
    if (value instanceof List<?>) {
      return "an array";
    }
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    return String.valueOf(value);
  }

  /** Minimal JSON text for nested values stored as {@code json_val}. */
  static final class Json {
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private Json() {}

    static String write(Object value) {
      try {
        return MAPPER.writeValueAsString(value);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException("value cannot be written as JSON");
      }
    }
  }
}
