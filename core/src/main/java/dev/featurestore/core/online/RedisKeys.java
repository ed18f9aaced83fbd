package dev.featurestore.core.online;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Names in Feast's Redis layout ({@code sdk/python/feast/infra/online_stores/helpers.py} and {@code
 * redis.py}; docs/feast-compat.md §3): one hash per (entity key, project) whose fields are the
 * murmur3 hashes of {@code "<view>:<feature>"} plus one {@code _ts:<view>} per view. Here so that
 * the online store, the materializer and tools agree on the bytes.
 */
public final class RedisKeys {
  private static final String TIMESTAMP_PREFIX = "_ts:";

  private RedisKeys() {}

  /** The Redis key: the serialized entity key followed by the UTF-8 project name, no separator. */
  public static byte[] hashKey(byte[] serializedEntityKey, String project) {
    byte[] projectBytes = project.getBytes(StandardCharsets.UTF_8);
    byte[] key =
        Arrays.copyOf(serializedEntityKey, serializedEntityKey.length + projectBytes.length);
    System.arraycopy(projectBytes, 0, key, serializedEntityKey.length, projectBytes.length);
    return key;
  }

  /** The hash field of a feature: murmur3_x86_32 (seed 0) of "view:feature", little-endian. */
  public static byte[] featureField(String view, String feature) {
    return Murmur3.hash32LittleEndian((view + ":" + feature).getBytes(StandardCharsets.UTF_8));
  }

  /** The hash field holding the view's serialized event {@code Timestamp}, not hashed. */
  public static byte[] timestampField(String view) {
    return (TIMESTAMP_PREFIX + view).getBytes(StandardCharsets.UTF_8);
  }

  /** The view named by a {@code _ts:<view>} field, or null for any other field. */
  public static String viewOfTimestampField(byte[] field) {
    if (field.length < TIMESTAMP_PREFIX.length()) {
      return null;
    }
    for (int i = 0; i < TIMESTAMP_PREFIX.length(); i++) {
      if (field[i] != TIMESTAMP_PREFIX.charAt(i)) {
        return null;
      }
    }
    return new String(
        field,
        TIMESTAMP_PREFIX.length(),
        field.length - TIMESTAMP_PREFIX.length(),
        StandardCharsets.UTF_8);
  }
}
