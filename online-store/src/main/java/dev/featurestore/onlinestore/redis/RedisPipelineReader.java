package dev.featurestore.onlinestore.redis;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.online.EntityKeySerializer;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.RedisKeys;
import dev.featurestore.core.online.ViewRead;
import feast.proto.types.ValueProto.Value;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads views as Feast's Redis store does ({@code RedisOnlineStore._read_features_per_fv}): one
 * {@code HMGET key <feature fields...> _ts:<view>} per (view, distinct entity key), all in one
 * batch. A view has a row for a key when its {@code _ts:<view>} field exists (every Feast write
 * sets it), so a hash holding only other views' data reads as no row.
 */
final class RedisPipelineReader {
  private final RedisRouter router;
  private final EntityKeySerializer serializer;

  RedisPipelineReader(RedisRouter router, EntityKeySerializer serializer) {
    this.router = router;
    this.serializer = serializer;
  }

  List<List<OnlineRow>> read(String project, List<ViewRead> reads) {
    List<RedisOp> ops = new ArrayList<>();
    List<int[]> opIndexes = new ArrayList<>(reads.size());
    for (ViewRead read : reads) {
      byte[][] fields = fields(read);
      Map<ByteBuffer, Integer> seen = new HashMap<>();
      int[] indexes = new int[read.keys().size()];
      for (int k = 0; k < indexes.length; k++) {
        byte[] key = RedisKeys.hashKey(serializer.serialize(read.keys().get(k)), project);
        Integer existing = seen.putIfAbsent(ByteBuffer.wrap(key), ops.size());
        if (existing != null) {
          indexes[k] = existing;
        } else {
          indexes[k] = ops.size();
          ops.add(new RedisOp(key, pipeline -> pipeline.hmget(key, fields)));
        }
      }
      opIndexes.add(indexes);
    }
    List<Object> replies = router.execute(ops);
    List<List<OnlineRow>> results = new ArrayList<>(reads.size());
    for (int r = 0; r < reads.size(); r++) {
      List<OnlineRow> rows = new ArrayList<>(opIndexes.get(r).length);
      for (int index : opIndexes.get(r)) {
        rows.add(toRow(reads.get(r), replies.get(index)));
      }
      results.add(java.util.Collections.unmodifiableList(rows));
    }
    return results;
  }

  private static byte[][] fields(ViewRead read) {
    byte[][] fields = new byte[read.features().size() + 1][];
    for (int f = 0; f < read.features().size(); f++) {
      fields[f] = RedisKeys.featureField(read.view(), read.features().get(f));
    }
    fields[fields.length - 1] = RedisKeys.timestampField(read.view());
    return fields;
  }

  private static OnlineRow toRow(ViewRead read, Object reply) {
    List<?> values = (List<?>) reply;
    byte[] timestamp = (byte[]) values.get(values.size() - 1);
    if (timestamp == null) {
      return null;
    }
    List<Value> parsed = new ArrayList<>(read.features().size());
    try {
      for (int f = 0; f < read.features().size(); f++) {
        byte[] bytes = (byte[]) values.get(f);
        // Zero bytes parse as the empty Value Feast writes for a null.
        parsed.add(bytes == null ? null : Value.parseFrom(bytes));
      }
      return new OnlineRow(Timestamp.parseFrom(timestamp), parsed);
    } catch (InvalidProtocolBufferException e) {
      throw new FeatureStoreException(
          ErrorCode.INTERNAL,
          "redis: a stored value of feature view '" + read.view() + "' is not a valid protobuf",
          e);
    }
  }
}
