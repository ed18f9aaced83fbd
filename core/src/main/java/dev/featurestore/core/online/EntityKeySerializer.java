package dev.featurestore.core.online;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Feast's binary entity-key encoding ({@code sdk/python/feast/infra/key_encoding_utils.py}, {@code
 * serialize_entity_key} and {@code deserialize_entity_key}), the key of Redis hashes and SQLite
 * rows. Versions 1, 2 and 3 of {@code entity_key_serialization_version}; see docs/feast-compat.md
 * §2 for the layout. Immutable and thread-safe.
 *
 * <p>With two or more join keys the (key, value) pairs are sorted by join key in code-point order,
 * which is the unsigned order of the UTF-8 bytes (Python's {@code sorted} on {@code str}); Java's
 * {@code String.compareTo} would differ above U+FFFF. A single key is never reordered.
 */
public final class EntityKeySerializer {
  private static final int STRING_TYPE = 2;
  private static final int BYTES_TYPE = 1;
  private static final int INT32_TYPE = 3;
  private static final int INT64_TYPE = 4;
  private static final int UNIX_TIMESTAMP_TYPE = 8;
  private static final Comparator<JoinKeyValue> BY_UTF8_KEY =
      (a, b) -> Arrays.compareUnsigned(a.utf8Key, b.utf8Key);

  private final int version;

  /** A serializer for {@code entity_key_serialization_version} 1, 2 or 3. */
  public EntityKeySerializer(int version) {
    if (version < 1 || version > 3) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG,
          "feature_store.yaml: entity_key_serialization_version must be 1, 2 or 3, got " + version);
    }
    this.version = version;
  }

  public int version() {
    return version;
  }

  /**
   * The key's bytes. Join keys and values must pair up; values must be string, bytes, int32, int64
   * or unix_timestamp (else {@code INVALID_ARGUMENT} naming the join key), and with version 1 an
   * int64 must fit in 32 bits.
   */
  public byte[] serialize(EntityKey key) {
    if (key.getJoinKeysCount() != key.getEntityValuesCount()) {
      throw invalid(
          "entity key has "
              + key.getJoinKeysCount()
              + " join keys but "
              + key.getEntityValuesCount()
              + " values");
    }
    List<JoinKeyValue> pairs = new ArrayList<>(key.getJoinKeysCount());
    for (int i = 0; i < key.getJoinKeysCount(); i++) {
      String name = key.getJoinKeys(i);
      pairs.add(
          new JoinKeyValue(name, name.getBytes(StandardCharsets.UTF_8), key.getEntityValues(i)));
    }
    if (pairs.size() > 1) {
      pairs.sort(BY_UTF8_KEY);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 + 24 * pairs.size());
    if (version >= 3) {
      writeU32(out, pairs.size());
    }
    for (JoinKeyValue pair : pairs) {
      writeU32(out, STRING_TYPE);
      if (version >= 3) {
        writeU32(out, pair.utf8Key.length);
      }
      out.writeBytes(pair.utf8Key);
    }
    for (JoinKeyValue pair : pairs) {
      writeValue(out, pair);
    }
    return out.toByteArray();
  }

  /**
   * Feast's {@code serialize_entity_key_prefix}: the leading bytes shared by every key with these
   * join keys, for prefix scans.
   */
  public byte[] serializePrefix(List<String> joinKeys) {
    List<byte[]> keys = new ArrayList<>();
    joinKeys.forEach(k -> keys.add(k.getBytes(StandardCharsets.UTF_8)));
    if (keys.size() > 1) {
      keys.sort(Arrays::compareUnsigned);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (version >= 3) {
      writeU32(out, keys.size());
    }
    for (byte[] k : keys) {
      writeU32(out, STRING_TYPE);
      if (version >= 3) {
        writeU32(out, k.length);
      }
      out.writeBytes(k);
    }
    return out.toByteArray();
  }

  /**
   * Reads a whole serialized key (version 3 only: earlier versions store no key lengths and cannot
   * be split reliably). Join keys come back in their stored, sorted order.
   */
  public EntityKey deserialize(byte[] data) {
    Decoded decoded = decodePrefix(data);
    if (decoded.length() != data.length) {
      throw invalid(
          "serialized entity key has " + (data.length - decoded.length()) + " trailing bytes");
    }
    return decoded.key();
  }

  /**
   * Reads the key at the start of {@code data} (version 3 only), e.g. a Redis key whose project
   * name follows it: as many values as join keys are read.
   */
  public Decoded decodePrefix(byte[] data) {
    if (version < 3) {
      throw invalid("only version 3 entity keys can be deserialized, this store uses " + version);
    }
    ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    try {
      int count = readLength(in);
      EntityKey.Builder key = EntityKey.newBuilder();
      for (int i = 0; i < count; i++) {
        int type = in.getInt();
        if (type != STRING_TYPE) {
          throw invalid("serialized entity key: join key of type " + type + ", expected 2");
        }
        key.addJoinKeys(new String(readBytes(in, readLength(in)), StandardCharsets.UTF_8));
      }
      for (int i = 0; i < count; i++) {
        int type = in.getInt();
        key.addEntityValues(readValue(type, readBytes(in, readLength(in))));
      }
      return new Decoded(key.build(), in.position());
    } catch (java.nio.BufferUnderflowException e) {
      throw invalid("serialized entity key is truncated");
    }
  }

  /** A key read from the start of a byte array and how many bytes it took. */
  public record Decoded(EntityKey key, int length) {}

  private void writeValue(ByteArrayOutputStream out, JoinKeyValue pair) {
    Value value = pair.value;
    switch (value.getValCase()) {
      case STRING_VAL -> writeTyped(out, STRING_TYPE, value.getStringValBytes().toByteArray());
      case BYTES_VAL -> writeTyped(out, BYTES_TYPE, value.getBytesVal().toByteArray());
      case INT32_VAL -> writeTyped(out, INT32_TYPE, le(4, value.getInt32Val()));
      case INT64_VAL -> writeTyped(out, INT64_TYPE, int64Bytes(pair.name, value.getInt64Val()));
      case UNIX_TIMESTAMP_VAL ->
          writeTyped(out, UNIX_TIMESTAMP_TYPE, le(8, value.getUnixTimestampVal()));
      default ->
          throw invalid(
              "entity key '"
                  + pair.name
                  + "' has a value of type "
                  + value.getValCase()
                  + "; entity values must be string, bytes, int32, int64 or unix_timestamp");
    }
  }

  private byte[] int64Bytes(String joinKey, long value) {
    if (version >= 2) {
      return le(8, value);
    }
    // Version 1 packed int64 with Python's struct "<l", 4 bytes, which refuses larger numbers.
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw invalid(
          "entity key '"
              + joinKey
              + "' value "
              + value
              + " does not fit the 4 bytes entity_key_serialization_version 1 gives an int64");
    }
    return le(4, value);
  }

  private static Value readValue(int type, byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    return switch (type) {
      case STRING_TYPE ->
          Value.newBuilder().setStringVal(new String(bytes, StandardCharsets.UTF_8)).build();
      case BYTES_TYPE ->
          Value.newBuilder().setBytesVal(com.google.protobuf.ByteString.copyFrom(bytes)).build();
      case INT32_TYPE -> Value.newBuilder().setInt32Val(fixed(buffer, 4).getInt()).build();
      case INT64_TYPE ->
          Value.newBuilder()
              .setInt64Val(bytes.length == 4 ? buffer.getInt() : fixed(buffer, 8).getLong())
              .build();
      case UNIX_TIMESTAMP_TYPE ->
          Value.newBuilder().setUnixTimestampVal(fixed(buffer, 8).getLong()).build();
      default -> throw invalid("serialized entity key: unsupported value type " + type);
    };
  }

  private static ByteBuffer fixed(ByteBuffer buffer, int size) {
    if (buffer.remaining() != size) {
      throw invalid(
          "serialized entity key: value of " + buffer.remaining() + " bytes, expected " + size);
    }
    return buffer;
  }

  private static int readLength(ByteBuffer in) {
    long length = Integer.toUnsignedLong(in.getInt());
    if (length > in.remaining()) {
      throw invalid("serialized entity key is truncated");
    }
    return (int) length;
  }

  private static byte[] readBytes(ByteBuffer in, int length) {
    byte[] bytes = new byte[length];
    in.get(bytes);
    return bytes;
  }

  private static void writeTyped(ByteArrayOutputStream out, int type, byte[] bytes) {
    writeU32(out, type);
    writeU32(out, bytes.length);
    out.writeBytes(bytes);
  }

  private static void writeU32(ByteArrayOutputStream out, int value) {
    out.writeBytes(le(4, value));
  }

  private static byte[] le(int size, long value) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (value >>> (8 * i));
    }
    return bytes;
  }

  private static FeatureStoreException invalid(String message) {
    return new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, message);
  }

  private record JoinKeyValue(String name, byte[] utf8Key, Value value) {}
}
