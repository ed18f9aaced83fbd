package dev.featurestore.core.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden bytes of docs/feast-compat.md §2, then the rules around them. */
class EntityKeySerializerTest {
  private static final EntityKeySerializer V1 = new EntityKeySerializer(1);
  private static final EntityKeySerializer V2 = new EntityKeySerializer(2);
  private static final EntityKeySerializer V3 = new EntityKeySerializer(3);

  @Test
  void driverIdInt64InEveryVersion() {
    EntityKey key = key("driver_id", int64(1001));
    // v3: n_keys 1 | type 2 (string), len 9, "driver_id" | type 4 (int64), len 8, 1001 = 0x3e9 LE
    assertHex(
        V3.serialize(key),
        "01000000" + "02000000 09000000 6472697665725f6964" + "04000000 08000000 e903000000000000");
    // v2: no count and no key length; values as v3
    assertHex(
        V2.serialize(key), "02000000 6472697665725f6964" + "04000000 08000000 e903000000000000");
    // v1: as v2 but int64 packed in 4 bytes
    assertHex(V1.serialize(key), "02000000 6472697665725f6964" + "04000000 04000000 e9030000");
  }

  @Test
  void driverIdInt32() {
    // type 3 (int32), len 4: the same number typed int32 makes a different key
    assertHex(
        V3.serialize(key("driver_id", int32(1001))),
        "01000000 02000000 09000000 6472697665725f6964 03000000 04000000 e9030000");
  }

  @Test
  void stringValue() {
    // "user_id" is 7 bytes; "u_42" is 4 bytes (75 5f 34 32), type 2
    assertHex(
        V3.serialize(key("user_id", string("u_42"))),
        "01000000 02000000 07000000 757365725f6964 02000000 04000000 755f3432");
  }

  @Test
  void compositeKeySortedByJoinKey() {
    EntityKey key =
        EntityKey.newBuilder()
            .addJoinKeys("user_id")
            .addEntityValues(string("u_42"))
            .addJoinKeys("merchant_id")
            .addEntityValues(int64(77))
            .build();
    // 2 keys; merchant_id (11 bytes) sorts before user_id; values follow in the same order:
    // int64 77 = 0x4d, then "u_42"
    assertHex(
        V3.serialize(key),
        "02000000"
            + "02000000 0b000000 6d65726368616e745f6964"
            + "02000000 07000000 757365725f6964"
            + "04000000 08000000 4d00000000000000"
            + "02000000 04000000 755f3432");
  }

  @Test
  void entitylessViewDummyKey() {
    // "__dummy_id" (10 bytes) with the empty string: type 2, length 0, no bytes
    assertHex(
        V3.serialize(key("__dummy_id", string(""))),
        "01000000 02000000 0a000000 5f5f64756d6d795f6964 02000000 00000000");
  }

  @Test
  void redisKeyAppendsProject() {
    // Feast's test_redis.py vector: {entity: int32 1} in project "test" ("test" = 74 65 73 74)
    byte[] serialized = V3.serialize(key("entity", int32(1)));
    assertHex(
        RedisKeys.hashKey(serialized, "test"),
        "01000000 02000000 06000000 656e74697479 03000000 04000000 01000000 74657374");
  }

  @Test
  void bytesAndUnixTimestampValues() {
    // bytes: type 1, raw; unix_timestamp: type 8, 8 bytes signed seconds (1705320000 = 0x65a51e40)
    assertHex(
        V3.serialize(
            key(
                "k",
                Value.newBuilder().setBytesVal(ByteString.copyFrom(new byte[] {1, 2})).build())),
        "01000000 02000000 01000000 6b 01000000 02000000 0102");
    assertHex(
        V3.serialize(key("k", Value.newBuilder().setUnixTimestampVal(1705320000L).build())),
        "01000000 02000000 01000000 6b 08000000 08000000 401ea56500000000");
    assertHex(
        V3.serialize(key("k", int32(-1))),
        "01000000 02000000 01000000 6b 03000000 04000000 ffffffff");
  }

  @Test
  void keysSortInCodePointOrderNotUtf16Order() {
    // U+FF5E (UTF-8 ef bd 9e) sorts before U+1F600 (f0 9f 98 80) by code point, but Java's
    // String.compareTo puts the surrogate pair (d83d...) first.
    String fullwidth = "\uff5e";
    String emoji = "\ud83d\ude00";
    EntityKey key =
        EntityKey.newBuilder()
            .addJoinKeys(emoji)
            .addEntityValues(int32(2))
            .addJoinKeys(fullwidth)
            .addEntityValues(int32(1))
            .build();
    assertHex(
        V3.serialize(key),
        "02000000 02000000 03000000 efbd9e 02000000 04000000 f09f9880"
            + "03000000 04000000 01000000 03000000 04000000 02000000");
  }

  @Test
  void keyLengthsCountUtf8Bytes() {
    // "größe" is 5 characters but 7 UTF-8 bytes
    assertHex(
        V3.serialize(key("größe", int32(0))),
        "01000000 02000000 07000000 6772c3b6c39f65 03000000 04000000 00000000");
  }

  @Test
  void singleKeyAndOrderOfCompositeKeyDoNotMatter() {
    EntityKey ab =
        EntityKey.newBuilder()
            .addJoinKeys("a")
            .addEntityValues(int32(1))
            .addJoinKeys("b")
            .addEntityValues(int32(2))
            .build();
    EntityKey ba =
        EntityKey.newBuilder()
            .addJoinKeys("b")
            .addEntityValues(int32(2))
            .addJoinKeys("a")
            .addEntityValues(int32(1))
            .build();
    assertThat(V3.serialize(ab)).isEqualTo(V3.serialize(ba));
    assertThat(V2.serialize(ab)).isEqualTo(V2.serialize(ba));
  }

  @Test
  void rejectsOtherValueTypesNamingTheKey() {
    EntityKey key = key("driver_id", Value.newBuilder().setDoubleVal(1.5).build());
    assertThatThrownBy(() -> V3.serialize(key))
        .isInstanceOfSatisfying(
            FeatureStoreException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("driver_id")
        .hasMessageContaining("DOUBLE_VAL");
    assertThatThrownBy(() -> V3.serialize(key("driver_id", Value.getDefaultInstance())))
        .hasMessageContaining("driver_id")
        .hasMessageContaining("VAL_NOT_SET");
  }

  @Test
  void version1RejectsInt64OutsideInt32() {
    assertThat(V1.serialize(key("id", int64(Integer.MIN_VALUE)))).hasSize(4 + 2 + 12);
    assertThatThrownBy(() -> V1.serialize(key("id", int64(1L << 31))))
        .isInstanceOfSatisfying(
            FeatureStoreException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
        .hasMessageContaining("'id'");
    assertThat(V2.serialize(key("id", int64(1L << 31)))).isNotNull();
  }

  @Test
  void rejectsMismatchedKeysAndValues() {
    EntityKey key =
        EntityKey.newBuilder().addJoinKeys("a").addJoinKeys("b").addEntityValues(int32(1)).build();
    assertThatThrownBy(() -> V3.serialize(key)).isInstanceOf(FeatureStoreException.class);
  }

  @Test
  void rejectsUnknownVersions() {
    assertThatThrownBy(() -> new EntityKeySerializer(4))
        .isInstanceOfSatisfying(
            FeatureStoreException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG));
  }

  @Test
  void deserializesVersion3RoundTrip() {
    EntityKey key =
        EntityKey.newBuilder()
            .addJoinKeys("merchant_id")
            .addEntityValues(int64(77))
            .addJoinKeys("user_id")
            .addEntityValues(string("u_42"))
            .addJoinKeys("ts")
            .addEntityValues(Value.newBuilder().setUnixTimestampVal(-5).build())
            .addJoinKeys("raw")
            .addEntityValues(Value.newBuilder().setBytesVal(ByteString.copyFromUtf8("x")).build())
            .addJoinKeys("n")
            .addEntityValues(int32(-3))
            .build();
    EntityKey back = V3.deserialize(V3.serialize(key));
    // Stored sorted by join key.
    assertThat(back.getJoinKeysList()).containsExactly("merchant_id", "n", "raw", "ts", "user_id");
    assertThat(V3.serialize(back)).isEqualTo(V3.serialize(key));
  }

  @Test
  void decodesTheEntityKeyOfARedisKey() {
    byte[] redisKey = RedisKeys.hashKey(V3.serialize(key("entity", int32(1))), "test");
    EntityKeySerializer.Decoded decoded = V3.decodePrefix(redisKey);
    assertThat(decoded.key()).isEqualTo(key("entity", int32(1)));
    assertThat(redisKey.length - decoded.length()).isEqualTo(4);
    assertThatThrownBy(() -> V3.deserialize(redisKey)).hasMessageContaining("trailing");
    assertThatThrownBy(
            () -> V3.deserialize(HexFormat.of().parseHex("01000000 02000000".replace(" ", ""))))
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> V2.deserialize(new byte[0])).hasMessageContaining("version 3");
  }

  @Test
  void prefixMatchesTheStartOfEveryKey() {
    EntityKey key =
        EntityKey.newBuilder()
            .addJoinKeys("user_id")
            .addEntityValues(string("u"))
            .addJoinKeys("merchant_id")
            .addEntityValues(int64(1))
            .build();
    for (EntityKeySerializer s : List.of(V2, V3)) {
      byte[] prefix = s.serializePrefix(List.of("user_id", "merchant_id"));
      byte[] full = s.serialize(key);
      assertThat(java.util.Arrays.copyOf(full, prefix.length)).isEqualTo(prefix);
    }
  }

  static EntityKey key(String joinKey, Value value) {
    return EntityKey.newBuilder().addJoinKeys(joinKey).addEntityValues(value).build();
  }

  static Value int64(long v) {
    return Value.newBuilder().setInt64Val(v).build();
  }

  static Value int32(int v) {
    return Value.newBuilder().setInt32Val(v).build();
  }

  static Value string(String v) {
    return Value.newBuilder().setStringVal(v).build();
  }

  static void assertHex(byte[] actual, String expectedWithSpaces) {
    assertThat(HexFormat.of().formatHex(actual)).isEqualTo(expectedWithSpaces.replace(" ", ""));
  }
}
