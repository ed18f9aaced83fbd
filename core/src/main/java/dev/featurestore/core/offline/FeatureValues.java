package dev.featurestore.core.offline;

import com.google.protobuf.ByteString;
import dev.featurestore.core.model.ValueType;
import feast.proto.types.ValueProto;
import feast.proto.types.ValueProto.Value;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Builds {@code feast.types.Value}s of a declared type from the Java objects JDBC drivers return,
 * as Feast's {@code type_map.python_values_to_proto_values} does: a null becomes the empty Value;
 * numbers are converted to the declared width; timestamps become epoch seconds. Only the
 * conversions {@link OfflineTypes#convertible} allows are expected; anything else is an {@link
 * IllegalArgumentException} that callers turn into an error naming the view and column.
 */
public final class FeatureValues {

  private static final Value EMPTY = Value.getDefaultInstance();

  private FeatureValues() {}

  /** The Value of {@code value} (null, Number, String, byte[], Boolean, a time, a List/array). */
  public static Value of(Object value, ValueType type) {
    if (value == null) {
      return EMPTY;
    }
    Value.Builder builder = Value.newBuilder();
    switch (type) {
      case INT32 -> builder.setInt32Val(toInt(value));
      case INT64 -> builder.setInt64Val(toLong(value));
      case DOUBLE -> builder.setDoubleVal(number(value).doubleValue());
      case FLOAT -> builder.setFloatVal(number(value).floatValue());
      case STRING -> builder.setStringVal(text(value));
      case JSON -> builder.setJsonVal(text(value));
      case BYTES -> builder.setBytesVal(ByteString.copyFrom(bytes(value)));
      case BOOL -> builder.setBoolVal(bool(value));
      case UNIX_TIMESTAMP -> builder.setUnixTimestampVal(epochSeconds(value));
      case BYTES_LIST ->
          builder.setBytesListVal(
              ValueProto.BytesList.newBuilder()
                  .addAllVal(elements(value).stream().map(e -> ByteString.copyFrom(bytes(e))).toList()));
      case STRING_LIST ->
          builder.setStringListVal(
              ValueProto.StringList.newBuilder()
                  .addAllVal(elements(value).stream().map(FeatureValues::text).toList()));
      case INT32_LIST ->
          builder.setInt32ListVal(
              ValueProto.Int32List.newBuilder()
                  .addAllVal(elements(value).stream().map(FeatureValues::toInt).toList()));
      case INT64_LIST ->
          builder.setInt64ListVal(
              ValueProto.Int64List.newBuilder()
                  .addAllVal(elements(value).stream().map(FeatureValues::toLong).toList()));
      case DOUBLE_LIST ->
          builder.setDoubleListVal(
              ValueProto.DoubleList.newBuilder()
                  .addAllVal(elements(value).stream().map(e -> number(e).doubleValue()).toList()));
      case FLOAT_LIST ->
          builder.setFloatListVal(
              ValueProto.FloatList.newBuilder()
                  .addAllVal(elements(value).stream().map(e -> number(e).floatValue()).toList()));
      case BOOL_LIST ->
          builder.setBoolListVal(
              ValueProto.BoolList.newBuilder()
                  .addAllVal(elements(value).stream().map(FeatureValues::bool).toList()));
      case UNIX_TIMESTAMP_LIST ->
          builder.setUnixTimestampListVal(
              ValueProto.Int64List.newBuilder()
                  .addAllVal(elements(value).stream().map(FeatureValues::epochSeconds).toList()));
      default -> throw new IllegalArgumentException("values of type " + type + " are not supported");
    }
    return builder.build();
  }

  private static List<?> elements(Object value) {
    List<?> list;
    if (value instanceof List<?> l) {
      list = l;
    } else if (value instanceof Object[] array) {
      list = Arrays.asList(array);
    } else {
      throw new IllegalArgumentException("expected a list, got " + describe(value));
    }
    for (Object element : list) {
      if (element == null) {
        // A protobuf list cannot hold a null, and Feast fails on one as well.
        throw new IllegalArgumentException("a list holds a null element, which Feast cannot store");
      }
    }
    return list;
  }

  private static Number number(Object value) {
    if (value instanceof Number n) {
      return n;
    }
    throw new IllegalArgumentException("expected a number, got " + describe(value));
  }

  private static int toInt(Object value) {
    long v = toLong(value);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(v + " does not fit Int32");
    }
    return (int) v;
  }

  private static long toLong(Object value) {
    Number n = number(value);
    if (n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal) {
      double d = n.doubleValue();
      if (d != Math.rint(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(n + " is not a whole number");
      }
    }
    if (n instanceof java.math.BigInteger big && big.bitLength() > 63) {
      throw new IllegalArgumentException(big + " does not fit Int64");
    }
    return n.longValue();
  }

  private static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof UUID || value instanceof CharSequence) {
      return value.toString();
    }
    throw new IllegalArgumentException("expected a string, got " + describe(value));
  }

  private static byte[] bytes(Object value) {
    if (value instanceof byte[] b) {
      return b;
    }
    if (value instanceof java.sql.Blob blob) {
      try {
        return blob.getBytes(1, (int) blob.length());
      } catch (java.sql.SQLException e) {
        throw new IllegalArgumentException("cannot read a BLOB: " + e.getMessage(), e);
      }
    }
    if (value instanceof java.nio.ByteBuffer buffer) {
      byte[] copy = new byte[buffer.remaining()];
      buffer.duplicate().get(copy);
      return copy;
    }
    throw new IllegalArgumentException("expected bytes, got " + describe(value));
  }

  private static boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException("expected a boolean, got " + describe(value));
  }

  private static long epochSeconds(Object value) {
    if (value instanceof Instant instant) {
      return instant.getEpochSecond();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toEpochSecond();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant().getEpochSecond();
    }
    return toLong(value);
  }

  private static String describe(Object value) {
    return value.getClass().getSimpleName() + " " + value;
  }
}
