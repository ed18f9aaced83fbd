package dev.featurestore.onlineserver.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import feast.proto.types.ValueProto;
import feast.proto.types.ValueProto.Value;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code feast.types.Value}s as Feast's Python feature server renders them
 * (feast-compat.md §6): native JSON, int64 as numbers, float32 widened to double, bytes base64,
 * lists and sets as arrays, maps as objects, an empty value or {@code null_val} as null.
 * NaN and infinities are written as the strings "NaN", "Infinity", "-Infinity" (Python fails).
 */
public final class ValueJson {
  private ValueJson() {}

  public static void write(JsonGenerator g, Value v) throws IOException {
    switch (v.getValCase()) {
      case VAL_NOT_SET, NULL_VAL -> g.writeNull();
      case BYTES_VAL -> bytes(g, v.getBytesVal());
      case STRING_VAL -> g.writeString(v.getStringVal());
      case INT32_VAL -> g.writeNumber(v.getInt32Val());
      case INT64_VAL -> g.writeNumber(v.getInt64Val());
      case DOUBLE_VAL -> number(g, v.getDoubleVal());
      case FLOAT_VAL -> number(g, v.getFloatVal());
      case BOOL_VAL -> g.writeBoolean(v.getBoolVal());
      case UNIX_TIMESTAMP_VAL -> g.writeNumber(v.getUnixTimestampVal());
      case BYTES_LIST_VAL -> byteList(g, v.getBytesListVal().getValList());
      case STRING_LIST_VAL -> stringList(g, v.getStringListVal().getValList());
      case INT32_LIST_VAL -> intList(g, v.getInt32ListVal().getValList());
      case INT64_LIST_VAL -> longList(g, v.getInt64ListVal().getValList());
      case DOUBLE_LIST_VAL -> doubleList(g, v.getDoubleListVal().getValList());
      case FLOAT_LIST_VAL -> floatList(g, v.getFloatListVal().getValList());
      case BOOL_LIST_VAL -> boolList(g, v.getBoolListVal().getValList());
      case UNIX_TIMESTAMP_LIST_VAL -> longList(g, v.getUnixTimestampListVal().getValList());
      case MAP_VAL -> map(g, v.getMapVal().getValMap());
      case MAP_LIST_VAL -> mapList(g, v.getMapListVal().getValList());
      case BYTES_SET_VAL -> byteList(g, v.getBytesSetVal().getValList());
      case STRING_SET_VAL -> stringList(g, v.getStringSetVal().getValList());
      case INT32_SET_VAL -> intList(g, v.getInt32SetVal().getValList());
      case INT64_SET_VAL -> longList(g, v.getInt64SetVal().getValList());
      case DOUBLE_SET_VAL -> doubleList(g, v.getDoubleSetVal().getValList());
      case FLOAT_SET_VAL -> floatList(g, v.getFloatSetVal().getValList());
      case BOOL_SET_VAL -> boolList(g, v.getBoolSetVal().getValList());
      case UNIX_TIMESTAMP_SET_VAL -> longList(g, v.getUnixTimestampSetVal().getValList());
      case JSON_VAL -> g.writeString(v.getJsonVal());
      case JSON_LIST_VAL -> stringList(g, v.getJsonListVal().getValList());
      case STRUCT_VAL -> map(g, v.getStructVal().getValMap());
      case STRUCT_LIST_VAL -> mapList(g, v.getStructListVal().getValList());
      case UUID_VAL -> g.writeString(v.getUuidVal());
      case TIME_UUID_VAL -> g.writeString(v.getTimeUuidVal());
      case UUID_LIST_VAL -> stringList(g, v.getUuidListVal().getValList());
      case TIME_UUID_LIST_VAL -> stringList(g, v.getTimeUuidListVal().getValList());
      case UUID_SET_VAL -> stringList(g, v.getUuidSetVal().getValList());
      case TIME_UUID_SET_VAL -> stringList(g, v.getTimeUuidSetVal().getValList());
      case LIST_VAL -> values(g, v.getListVal().getValList());
      case SET_VAL -> values(g, v.getSetVal().getValList());
      case DECIMAL_VAL -> g.writeString(v.getDecimalVal());
      case DECIMAL_LIST_VAL -> stringList(g, v.getDecimalListVal().getValList());
      case DECIMAL_SET_VAL -> stringList(g, v.getDecimalSetVal().getValList());
      case SCALAR_MAP_VAL -> scalarMap(g, v.getScalarMapVal());
      case ZONED_TIMESTAMP_VAL -> g.writeNumber(v.getZonedTimestampVal().getUnixTimestamp());
    }
  }

  /** RFC 3339 in UTC with 'Z'; the fraction omitted at 0 nanos, else 3, 6 or 9 digits. */
  public static String timestamp(Timestamp ts) {
    return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos()));
  }

  private static void number(JsonGenerator g, double d) throws IOException {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      g.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    } else {
      g.writeNumber(d);
    }
  }

  private static void bytes(JsonGenerator g, ByteString b) throws IOException {
    g.writeBinary(b.toByteArray());
  }

  private static void byteList(JsonGenerator g, List<ByteString> list) throws IOException {
    g.writeStartArray();
    for (ByteString b : list) {
      bytes(g, b);
    }
    g.writeEndArray();
  }

  private static void stringList(JsonGenerator g, List<String> list) throws IOException {
    g.writeStartArray();
    for (String s : list) {
      g.writeString(s);
    }
    g.writeEndArray();
  }

  private static void intList(JsonGenerator g, List<Integer> list) throws IOException {
    g.writeStartArray();
    for (int i : list) {
      g.writeNumber(i);
    }
    g.writeEndArray();
  }

  private static void longList(JsonGenerator g, List<Long> list) throws IOException {
    g.writeStartArray();
    for (long l : list) {
      g.writeNumber(l);
    }
    g.writeEndArray();
  }

  private static void doubleList(JsonGenerator g, List<Double> list) throws IOException {
    g.writeStartArray();
    for (double d : list) {
      number(g, d);
    }
    g.writeEndArray();
  }

  private static void floatList(JsonGenerator g, List<Float> list) throws IOException {
    g.writeStartArray();
    for (float f : list) {
      number(g, f);
    }
    g.writeEndArray();
  }

  private static void boolList(JsonGenerator g, List<Boolean> list) throws IOException {
    g.writeStartArray();
    for (boolean b : list) {
      g.writeBoolean(b);
    }
    g.writeEndArray();
  }

  private static void values(JsonGenerator g, List<Value> list) throws IOException {
    g.writeStartArray();
    for (Value v : list) {
      write(g, v);
    }
    g.writeEndArray();
  }

  private static void map(JsonGenerator g, Map<String, Value> map) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, Value> e : map.entrySet()) {
      g.writeFieldName(e.getKey());
      write(g, e.getValue());
    }
    g.writeEndObject();
  }

  private static void mapList(JsonGenerator g, List<ValueProto.Map> list) throws IOException {
    g.writeStartArray();
    for (ValueProto.Map m : list) {
      map(g, m.getValMap());
    }
    g.writeEndArray();
  }

  private static void scalarMap(JsonGenerator g, ValueProto.ScalarMap map) throws IOException {
    g.writeStartObject();
    for (ValueProto.ScalarMapEntry e : map.getValList()) {
      g.writeFieldName(mapKey(e.getKey()));
      write(g, e.getValue());
    }
    g.writeEndObject();
  }

  private static String mapKey(ValueProto.MapKey key) {
    return switch (key.getKeyCase()) {
      case INT32_KEY -> Integer.toString(key.getInt32Key());
      case INT64_KEY -> Long.toString(key.getInt64Key());
      case FLOAT_KEY -> Double.toString(key.getFloatKey());
      case DOUBLE_KEY -> Double.toString(key.getDoubleKey());
      case BOOL_KEY -> key.getBoolKey() ? "True" : "False";
      case UNIX_TIMESTAMP_KEY -> Long.toString(key.getUnixTimestampKey());
      case BYTES_KEY -> java.util.Base64.getEncoder().encodeToString(key.getBytesKey().toByteArray());
      case UUID_KEY -> key.getUuidKey();
      case TIME_UUID_KEY -> key.getTimeUuidKey();
      case DECIMAL_KEY -> key.getDecimalKey();
      case KEY_NOT_SET -> "";
    };
  }
}
