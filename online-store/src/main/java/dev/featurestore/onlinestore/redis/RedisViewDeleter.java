package dev.featurestore.onlinestore.redis;

import dev.featurestore.core.online.EntityKeySerializer;
import dev.featurestore.core.online.RedisKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Removes views' data as Feast's {@code RedisOnlineStore.delete_table} does: SCAN every master for
 * the project's keys, and in each hash holding {@code _ts:<view>} delete the whole key when that is
 * the only view left in it, else HDEL the view's fields. The feature fields are murmur3 hashes, so
 * they can only be removed when the caller names the features; without them {@code _ts:<view>} is
 * removed, which hides the view's values from reads (see {@link RedisPipelineReader}).
 */
final class RedisViewDeleter {
  private static final int SCAN_COUNT = 1000;

  private final RedisRouter router;
  private final EntityKeySerializer serializer;

  RedisViewDeleter(RedisRouter router, EntityKeySerializer serializer) {
    this.router = router;
    this.serializer = serializer;
  }

  /**
   * @param featuresByView view name to its feature names (possibly empty)
   */
  void delete(String project, Map<String, List<String>> featuresByView) {
    if (featuresByView.isEmpty()) {
      return;
    }
    byte[] projectBytes = project.getBytes(StandardCharsets.UTF_8);
    ScanParams params = new ScanParams().match(pattern(projectBytes)).count(SCAN_COUNT);
    router.forEachMaster(
        (node, connection) -> {
          byte[] cursor = ScanParams.SCAN_POINTER_START_BINARY;
          do {
            ScanResult<byte[]> page = scan(connection, cursor, params);
            List<byte[]> keys = new ArrayList<>();
            page.getResult().stream().filter(k -> belongsTo(k, projectBytes)).forEach(keys::add);
            deleteFrom(connection, keys, featuresByView);
            cursor = page.getCursorAsBytes();
          } while (!Arrays.equals(cursor, ScanParams.SCAN_POINTER_START_BINARY));
        });
  }

  private static ScanResult<byte[]> scan(Connection connection, byte[] cursor, ScanParams params) {
    Pipeline pipeline = new Pipeline(connection);
    Response<ScanResult<byte[]>> page = pipeline.scan(cursor, params);
    pipeline.sync();
    return page.get();
  }

  private static void deleteFrom(
      Connection connection, List<byte[]> keys, Map<String, List<String>> featuresByView) {
    if (keys.isEmpty()) {
      return;
    }
    Pipeline reads = new Pipeline(connection);
    List<Response<Set<byte[]>>> fields = new ArrayList<>(keys.size());
    keys.forEach(key -> fields.add(reads.hkeys(key)));
    reads.sync();
    Pipeline deletes = new Pipeline(connection);
    for (int i = 0; i < keys.size(); i++) {
      List<String> viewsInHash = new ArrayList<>();
      for (byte[] field : fields.get(i).get()) {
        String view = RedisKeys.viewOfTimestampField(field);
        if (view != null) {
          viewsInHash.add(view);
        }
      }
      List<String> doomed = viewsInHash.stream().filter(featuresByView::containsKey).toList();
      if (doomed.isEmpty()) {
        continue;
      }
      if (doomed.size() == viewsInHash.size()) {
        deletes.del(keys.get(i));
      } else {
        deletes.hdel(keys.get(i), fieldsOf(doomed, featuresByView));
      }
    }
    deletes.sync();
  }

  private static byte[][] fieldsOf(List<String> views, Map<String, List<String>> featuresByView) {
    List<byte[]> fields = new ArrayList<>();
    for (String view : views) {
      featuresByView.get(view).forEach(f -> fields.add(RedisKeys.featureField(view, f)));
      fields.add(RedisKeys.timestampField(view));
    }
    return fields.toArray(byte[][]::new);
  }

  /**
   * A key ending in the project name may belong to another project whose name ends the same way;
   * with version 3 keys the entity key's own length tells.
   */
  private boolean belongsTo(byte[] key, byte[] project) {
    if (serializer.version() < 3) {
      return true;
    }
    try {
      return serializer.decodePrefix(key).length() + project.length == key.length;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** {@code *<project>} with glob characters escaped. */
  private static byte[] pattern(byte[] project) {
    StringBuilder glob = new StringBuilder("*");
    for (char c : new String(project, StandardCharsets.UTF_8).toCharArray()) {
      if ("*?[]\\".indexOf(c) >= 0) {
        glob.append('\\');
      }
      glob.append(c);
    }
    return glob.toString().getBytes(StandardCharsets.UTF_8);
  }
}
