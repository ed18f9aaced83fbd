package dev.featurestore.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.featurestore.core.online.OnlineWriteRow;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.BoolList;
import feast.proto.types.ValueProto.BytesList;
import feast.proto.types.ValueProto.DoubleList;
import feast.proto.types.ValueProto.FloatList;
import feast.proto.types.ValueProto.Int32List;
import feast.proto.types.ValueProto.Int64List;
import feast.proto.types.ValueProto.StringList;
import feast.proto.types.ValueProto.Value;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builders for entity keys, values and rows in online-store tests. */
public final class OnlineStoreTestData {

  private OnlineStoreTestData() {}

  /** A key of one join key. */
  public static EntityKey key(String joinKey, Value value) {
    return EntityKey.newBuilder().addJoinKeys(joinKey).addEntityValues(value).build();
  }

  /** A key of two join keys, in the order given (stores must not depend on it). */
  public static EntityKey key(String joinKey1, Value value1, String joinKey2, Value value2) {
    return EntityKey.newBuilder()
        .addJoinKeys(joinKey1)
        .addEntityValues(value1)
        .addJoinKeys(joinKey2)
        .addEntityValues(value2)
        .build();
  }

  /** {@code user_id} = the string. */
  public static EntityKey user(String id) {
    return key("user_id", string(id));
  }

  public static Value int32(int v) {
    return Value.newBuilder().setInt32Val(v).build();
  }

  public static Value int64(long v) {
    return Value.newBuilder().setInt64Val(v).build();
  }

  public static Value float64(double v) {
    return Value.newBuilder().setDoubleVal(v).build();
  }

  public static Value float32(float v) {
    return Value.newBuilder().setFloatVal(v).build();
  }

  public static Value string(String v) {
    return Value.newBuilder().setStringVal(v).build();
  }

  public static Value bytes(byte[] v) {
    return Value.newBuilder().setBytesVal(ByteString.copyFrom(v)).build();
  }

  public static Value bool(boolean v) {
    return Value.newBuilder().setBoolVal(v).build();
  }

  /** A {@code unix_timestamp_val} in epoch seconds. */
  public static Value unixTimestamp(long epochSeconds) {
    return Value.newBuilder().setUnixTimestampVal(epochSeconds).build();
  }

  /** The empty Value: a null in the source data. */
  public static Value nullValue() {
    return Value.getDefaultInstance();
  }

  /** One value of every common kind, keyed by a feature name that says which. */
  public static Map<String, Value> everyCommonType() {
    Map<String, Value> values = new LinkedHashMap<>();
    values.put("f_int32", int32(-7));
    values.put("f_int64", int64(Long.MIN_VALUE + 1));
    values.put("f_double", float64(0.1));
    values.put("f_float", float32(0.1f));
    values.put("f_string", string("größe ✓ 😀"));
    values.put("f_bytes", bytes(new byte[] {0, 1, (byte) 0xff, 0x7f}));
    values.put("f_bool_true", bool(true));
    values.put("f_bool_false", bool(false));
    values.put("f_int64_zero", int64(0));
    values.put("f_unix_ts", unixTimestamp(1_705_320_000L));
    values.put("f_null", nullValue());
    values.put(
        "f_int32_list",
        Value.newBuilder()
            .setInt32ListVal(Int32List.newBuilder().addAllVal(Arrays.asList(1, -2, 3)))
            .build());
    values.put(
        "f_int64_list",
        Value.newBuilder()
            .setInt64ListVal(Int64List.newBuilder().addAllVal(Arrays.asList(1L, Long.MAX_VALUE)))
            .build());
    values.put(
        "f_double_list",
        Value.newBuilder()
            .setDoubleListVal(DoubleList.newBuilder().addAllVal(Arrays.asList(0.5, -1e300)))
            .build());
    values.put(
        "f_float_list",
        Value.newBuilder()
            .setFloatListVal(FloatList.newBuilder().addAllVal(Arrays.asList(1.0f, 2.0f)))
            .build());
    values.put(
        "f_string_list",
        Value.newBuilder()
            .setStringListVal(StringList.newBuilder().addVal("a").addVal("").addVal("ü"))
            .build());
    values.put(
        "f_bytes_list",
        Value.newBuilder()
            .setBytesListVal(
                BytesList.newBuilder().addVal(ByteString.copyFrom("x", StandardCharsets.UTF_8)))
            .build());
    values.put(
        "f_bool_list",
        Value.newBuilder()
            .setBoolListVal(BoolList.newBuilder().addVal(true).addVal(false))
            .build());
    values.put(
        "f_unix_ts_list",
        Value.newBuilder()
            .setUnixTimestampListVal(Int64List.newBuilder().addVal(0).addVal(1_705_320_000L))
            .build());
    values.put(
        "f_empty_list", Value.newBuilder().setInt64ListVal(Int64List.getDefaultInstance()).build());
    return values;
  }

  public static Timestamp timestamp(String isoInstant) {
    Instant instant = Instant.parse(isoInstant);
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }

  /** A row without a created time. */
  public static OnlineWriteRow row(EntityKey key, Timestamp eventTime, Map<String, Value> values) {
    return new OnlineWriteRow(key, eventTime, null, values);
  }
}
