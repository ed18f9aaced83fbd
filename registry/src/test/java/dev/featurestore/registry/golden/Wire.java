package dev.featurestore.registry.golden;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Protobuf wire format by hand, for golden tests: bytes are built from Feast's field numbers
 * (tag = field << 3 | wire type; 0 varint, 2 length-delimited) without any generated class, and
 * read back the same way. Independent of protobuf-java on purpose.
 */
final class Wire {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static Wire message() {
    return new Wire();
  }

  Wire varint(int field, long value) {
    writeVarint((long) field << 3);
    writeVarint(value);
    return this;
  }

  Wire string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  Wire message(int field, Wire value) {
    return bytes(field, value.toByteArray());
  }

  Wire bytes(int field, byte[] value) {
    writeVarint(((long) field << 3) | 2);
    writeVarint(value.length);
    out.writeBytes(value);
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void writeVarint(long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  /** Decodes one message level: field number to values (Long for varints, byte[] otherwise). */
  static Map<Integer, List<Object>> decode(byte[] bytes) {
    Map<Integer, List<Object>> fields = new LinkedHashMap<>();
    int[] pos = {0};
    while (pos[0] < bytes.length) {
      long tag = readVarint(bytes, pos);
      int field = (int) (tag >>> 3);
      int type = (int) (tag & 7);
      Object value;
      if (type == 0) {
        value = readVarint(bytes, pos);
      } else if (type == 2) {
        int length = (int) readVarint(bytes, pos);
        byte[] payload = new byte[length];
        System.arraycopy(bytes, pos[0], payload, 0, length);
        pos[0] += length;
        value = payload;
      } else {
        throw new IllegalArgumentException("unexpected wire type " + type + " for field " + field);
      }
      fields.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
    }
    return fields;
  }

  static Map<Integer, List<Object>> decode(Map<Integer, List<Object>> parent, int field) {
    return decode((byte[]) parent.get(field).get(0));
  }

  static String string(Map<Integer, List<Object>> fields, int field) {
    return new String((byte[]) fields.get(field).get(0), StandardCharsets.UTF_8);
  }

  static long varint(Map<Integer, List<Object>> fields, int field) {
    return (Long) fields.get(field).get(0);
  }

  private static long readVarint(byte[] bytes, int[] pos) {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = bytes[pos[0]++];
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IllegalArgumentException("malformed varint");
  }
}
