package dev.featurestore.core.online;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import feast.proto.types.ValueProto.FloatList;
import feast.proto.types.ValueProto.Value;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The value and timestamp bytes of docs/feast-compat.md §3: what the Redis store writes as hash
 * values is plain protobuf serialization, pinned here so a protobuf upgrade cannot drift silently.
 */
class RedisValueBytesTest {

  @Test
  void scalarValues() {
    // field 6 (float_val), wire type 5 (fixed32): tag 0x35; 0.5f = 0x3f000000 LE
    assertHex(Value.newBuilder().setFloatVal(0.5f).build(), "35 0000003f");
    // field 5 (double_val), wire type 1 (fixed64): tag 0x29; 0.5 = 0x3fe0000000000000 LE
    assertHex(Value.newBuilder().setDoubleVal(0.5).build(), "29 000000000000e03f");
    // field 4 (int64_val), varint: tag 0x20; 1001 = 0b111_1101001 -> e9 07
    assertHex(int64(7), "20 07");
    assertHex(int64(1001), "20 e907");
    // a oneof member is written even at its default value
    assertHex(int64(0), "20 00");
    // negative numbers are 10-byte varints (two's complement, no zigzag)
    assertHex(int64(-1), "20 ffffffffffffffffff01");
    // field 3 (int32_val): tag 0x18; field 7 (bool_val): tag 0x38
    assertHex(Value.newBuilder().setInt32Val(7).build(), "18 07");
    assertHex(Value.newBuilder().setBoolVal(true).build(), "38 01");
    // field 2 (string_val), length-delimited: tag 0x12, length 3, "abc"
    assertHex(Value.newBuilder().setStringVal("abc").build(), "12 03 616263");
    // field 8 (unix_timestamp_val): tag 0x40; 1705320000 as varint c0 bc 94 ad 06
    assertHex(Value.newBuilder().setUnixTimestampVal(1705320000L).build(), "40 c0bc94ad06");
  }

  @Test
  void listValue() {
    // field 16 (float_list_val): tag (16<<3|2) = 0x82 0x01, length 10; FloatList.val (field 1,
    // packed): tag 0x0a, length 8, 1.0f = 0x3f800000, 2.0f = 0x40000000
    assertHex(
        Value.newBuilder().setFloatListVal(FloatList.newBuilder().addVal(1f).addVal(2f)).build(),
        "8201 0a 0a08 0000803f 00000040");
  }

  @Test
  void emptyValueIsZeroBytes() throws Exception {
    assertThat(Value.getDefaultInstance().toByteArray()).isEmpty();
    assertThat(Value.parseFrom(new byte[0])).isEqualTo(Value.getDefaultInstance());
  }

  @Test
  void timestamps() {
    // 2024-01-15T12:00:00Z = 1705320000 s: field 1 (seconds) tag 0x08 + varint
    assertHex(Timestamp.newBuilder().setSeconds(1705320000L).build(), "08 c0bc94ad06");
    // +0.5 s: field 2 (nanos) tag 0x10, 500000000 = varint 80 ca b5 ee 01
    assertHex(
        Timestamp.newBuilder().setSeconds(1705320000L).setNanos(500_000_000).build(),
        "08 c0bc94ad06 10 80cab5ee01");
  }

  @Test
  void timestampFieldIsPlainUtf8() {
    assertThat(new String(RedisKeys.timestampField("driver_hourly_stats"), StandardCharsets.UTF_8))
        .isEqualTo("_ts:driver_hourly_stats");
    assertThat(RedisKeys.viewOfTimestampField("_ts:größe".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("größe");
    assertThat(RedisKeys.viewOfTimestampField(RedisKeys.featureField("v", "f"))).isNull();
  }

  private static Value int64(long v) {
    return Value.newBuilder().setInt64Val(v).build();
  }

  private static void assertHex(com.google.protobuf.Message message, String hex) {
    assertThat(HexFormat.of().formatHex(message.toByteArray())).isEqualTo(hex.replace(" ", ""));
  }
}
