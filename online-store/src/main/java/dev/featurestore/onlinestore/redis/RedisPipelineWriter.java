package dev.featurestore.onlinestore.redis;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import feast.proto.types.EntityKeyProto.EntityKey;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.online.EntityKeySerializer;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.online.RedisKeys;
import feast.proto.types.ValueProto.Value;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Writes rows of one view as Feast's Python Redis store does ({@code
 * RedisOnlineStore.online_write_batch}): read every row's stored {@code _ts:<view>} in one batch,
 * drop rows not newer than it or than an earlier row of the same key, then one batch of {@code HSET
 * key _ts:<view> ts f1 v1 ...} (+ {@code EXPIRE} with {@code key_ttl_seconds}). No MULTI, as in
 * Feast: a concurrent writer can interleave. {@code skip_dedup} skips the read.
 */
final class RedisPipelineWriter {
  static final int BATCH_ROWS = 500;

  private final RedisRouter router;
  private final EntityKeySerializer serializer;
  private final OptionalInt keyTtlSeconds;
  private final boolean skipDedup;

  RedisPipelineWriter(
      RedisRouter router,
      EntityKeySerializer serializer,
      OptionalInt keyTtlSeconds,
      boolean skipDedup) {
    this.router = router;
    this.serializer = serializer;
    this.keyTtlSeconds = keyTtlSeconds;
    this.skipDedup = skipDedup;
  }

  void write(String project, String view, List<OnlineWriteRow> rows) {
    write(project, view, rows, !skipDedup);
  }

  /** @param newerOnly keep a row only if it is newer than the stored one (Feast's dedup) */
  void write(String project, String view, List<OnlineWriteRow> rows, boolean newerOnly) {
    for (int start = 0; start < rows.size(); start += BATCH_ROWS) {
      writeBatch(
          project, view, rows.subList(start, Math.min(rows.size(), start + BATCH_ROWS)), newerOnly);
    }
  }

  /** HDELs the view's fields of each entity; Redis drops a hash once its last field is gone. */
  void deleteEntities(String project, String view, List<String> features, List<EntityKey> keys) {
    byte[][] fields = new byte[features.size() + 1][];
    fields[0] = RedisKeys.timestampField(view);
    for (int i = 0; i < features.size(); i++) {
      fields[i + 1] = RedisKeys.featureField(view, features.get(i));
    }
    for (int start = 0; start < keys.size(); start += BATCH_ROWS) {
      List<RedisOp> ops = new ArrayList<>();
      for (EntityKey entityKey : keys.subList(start, Math.min(keys.size(), start + BATCH_ROWS))) {
        byte[] key = RedisKeys.hashKey(serializer.serialize(entityKey), project);
        ops.add(new RedisOp(key, pipeline -> pipeline.hdel(key, fields)));
      }
      router.execute(ops);
    }
  }

  private void writeBatch(
      String project, String view, List<OnlineWriteRow> rows, boolean newerOnly) {
    boolean skipDedup = !newerOnly;
    byte[] tsField = RedisKeys.timestampField(view);
    List<byte[]> keys = new ArrayList<>(rows.size());
    rows.forEach(row -> keys.add(RedisKeys.hashKey(serializer.serialize(row.key()), project)));
    List<Timestamp> stored = skipDedup ? null : storedTimestamps(keys, tsField, view);
    Map<ByteBuffer, Timestamp> latest = new HashMap<>();
    List<RedisOp> ops = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      OnlineWriteRow row = rows.get(i);
      byte[] key = keys.get(i);
      if (!skipDedup) {
        Timestamp seen = newest(stored.get(i), latest.get(ByteBuffer.wrap(key)));
        if (seen != null && compare(row.eventTimestamp(), seen) <= 0) {
          continue;
        }
        latest.put(ByteBuffer.wrap(key), row.eventTimestamp());
      }
      Map<byte[], byte[]> hash = new LinkedHashMap<>();
      hash.put(tsField, row.eventTimestamp().toByteArray());
      for (Map.Entry<String, Value> value : row.values().entrySet()) {
        hash.put(RedisKeys.featureField(view, value.getKey()), value.getValue().toByteArray());
      }
      ops.add(new RedisOp(key, pipeline -> pipeline.hset(key, hash)));
      if (keyTtlSeconds.isPresent()) {
        long ttl = keyTtlSeconds.getAsInt();
        ops.add(new RedisOp(key, pipeline -> pipeline.expire(key, ttl)));
      }
    }
    router.execute(ops);
  }

  private List<Timestamp> storedTimestamps(List<byte[]> keys, byte[] tsField, String view) {
    List<RedisOp> reads = new ArrayList<>(keys.size());
    keys.forEach(key -> reads.add(new RedisOp(key, pipeline -> pipeline.hmget(key, tsField))));
    List<Object> replies = router.execute(reads);
    List<Timestamp> stored = new ArrayList<>(keys.size());
    for (Object reply : replies) {
      byte[] bytes = (byte[]) ((List<?>) reply).get(0);
      try {
        Timestamp ts = bytes == null ? null : Timestamp.parseFrom(bytes);
        // Feast compares total nanoseconds and treats 0 as "nothing stored".
        stored.add(ts == null || (ts.getSeconds() == 0 && ts.getNanos() == 0) ? null : ts);
      } catch (InvalidProtocolBufferException e) {
        throw new FeatureStoreException(
            ErrorCode.INTERNAL, "redis: stored _ts:" + view + " is not a valid Timestamp", e);
      }
    }
    return stored;
  }

  private static int compare(Timestamp a, Timestamp b) {
    int bySeconds = Long.compare(a.getSeconds(), b.getSeconds());
    return bySeconds != 0 ? bySeconds : Integer.compare(a.getNanos(), b.getNanos());
  }

  private static Timestamp newest(Timestamp a, Timestamp b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return compare(a, b) >= 0 ? a : b;
  }
}
