package dev.featurestore.cli.sample;

import java.util.SplittableRandom;

/**
 * Derives one independent random stream per (seed, stream, entity). Because each entity's rows come
 * from its own stream, user_00042 gets the same rows whether 100 or a million users are generated,
 * and tables do not shift when another table changes.
 */
final class Seeds {
  private Seeds() {}

  static SplittableRandom stream(long seed, String streamName, long index) {
    // String.hashCode is fixed by the language spec, so the salt is stable across JVMs.
    long z = fmix(seed ^ 0x9E3779B97F4A7C15L);
    z = fmix(z + streamName.hashCode());
    z = fmix(z + index);
    return new SplittableRandom(z);
  }

  /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
  private static long fmix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }
}
