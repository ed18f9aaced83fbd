package dev.featurestore.core.online;

/**
 * MurmurHash3 x86 32-bit, the hash Feast's Redis store applies to {@code "<view>:<feature>"} to
 * name hash fields (Python's {@code mmh3.hash(key, signed=False)} in {@code
 * infra/online_stores/helpers.py::_mmh3}, Go's {@code murmur3.New32()}). Seed 0 is Feast's; the
 * field name is the 32-bit result written little-endian, which is what Guava's {@code
 * murmur3_32_fixed().hashBytes(..).asBytes()} returns. Written here so core needs no Guava.
 */
public final class Murmur3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {}

  /** The 32-bit hash of {@code data} with seed 0. */
  public static int hash32(byte[] data) {
    return hash32(data, 0);
  }

  /** The 32-bit hash of {@code data}. */
  public static int hash32(byte[] data, int seed) {
    int h = seed;
    int blockEnd = data.length & ~3;
    for (int i = 0; i < blockEnd; i += 4) {
      h ^= mixK(littleEndianInt(data, i));
      h = Integer.rotateLeft(h, 13);
      h = h * 5 + 0xe6546b64;
    }
    int k = 0;
    switch (data.length & 3) {
      case 3:
        k ^= (data[blockEnd + 2] & 0xff) << 16;
      // fall through
      case 2:
        k ^= (data[blockEnd + 1] & 0xff) << 8;
      // fall through
      case 1:
        k ^= data[blockEnd] & 0xff;
        h ^= mixK(k);
      // fall through
      default:
        break;
    }
    h ^= data.length;
    return finalMix(h);
  }

  /** The seed-0 hash as the 4 little-endian bytes Feast uses as a Redis hash field. */
  public static byte[] hash32LittleEndian(byte[] data) {
    int h = hash32(data);
    return new byte[] {(byte) h, (byte) (h >>> 8), (byte) (h >>> 16), (byte) (h >>> 24)};
  }

  private static int littleEndianInt(byte[] data, int offset) {
    return (data[offset] & 0xff)
        | (data[offset + 1] & 0xff) << 8
        | (data[offset + 2] & 0xff) << 16
        | (data[offset + 3] & 0xff) << 24;
  }

  private static int mixK(int k) {
    k *= C1;
    k = Integer.rotateLeft(k, 15);
    return k * C2;
  }

  private static int finalMix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
