package dev.featurestore.onlinestore.redis;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.online.EntityKeySerializer;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.online.ViewRead;
import feast.proto.types.EntityKeyProto.EntityKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Feast's Redis online store layout ({@code sdk/python/feast/infra/online_stores/redis.py}, read
 * side also {@code go/internal/feast/onlinestore/redisonlinestore.go}) on a standalone server, a
 * Redis Cluster or a sentinel-managed master; docs/feast-compat.md §3. Thread-safe. Connections are
 * pooled and re-established by themselves after Redis comes back.
 */
public final class RedisOnlineStore implements OnlineStore {
  private final RedisRouter router;
  private final ExecutorService executor;
  private final RedisPipelineReader reader;
  private final RedisPipelineWriter writer;
  private final RedisViewDeleter deleter;

  public RedisOnlineStore(RedisOnlineStoreConfig config) {
    requireNonNull(config, "config is null");
    this.executor = RedisRouters.clusterExecutor();
    this.router = RedisRouters.create(config, executor);
    EntityKeySerializer serializer =
        new EntityKeySerializer(config.entityKeySerializationVersion());
    this.reader = new RedisPipelineReader(router, serializer);
    this.writer =
        new RedisPipelineWriter(router, serializer, config.keyTtlSeconds(), config.skipDedup());
    this.deleter = new RedisViewDeleter(router, serializer);
  }

  @Override
  public List<List<OnlineRow>> read(String project, List<ViewRead> reads) {
    return reader.read(project, reads);
  }

  @Override
  public void write(String project, String view, List<OnlineWriteRow> rows) {
    writer.write(project, view, rows);
  }

  @Override
  public void overwrite(String project, String view, List<OnlineWriteRow> rows) {
    writer.write(project, view, rows, false);
  }

  @Override
  public void deleteEntities(
      String project, String view, List<String> features, List<EntityKey> keys) {
    writer.deleteEntities(project, view, features, keys);
  }

  /**
   * Removes the views' {@code _ts:<view>} fields, and whole hashes no other view uses. Values of a
   * view sharing a hash with another view stay behind unread; {@link #deleteView} removes them too.
   */
  @Override
  public void deleteViews(String project, List<String> views) {
    Map<String, List<String>> byView = new LinkedHashMap<>();
    views.forEach(view -> byView.put(view, List.of()));
    deleter.delete(project, byView);
  }

  /**
   * Like Feast's {@code delete_table}: also removes the named features' fields from shared hashes.
   */
  public void deleteView(String project, String view, List<String> features) {
    deleter.delete(project, Map.of(view, List.copyOf(features)));
  }

  @Override
  public boolean isHealthy() {
    return router.ping();
  }

  @Override
  public void close() {
    router.close();
    executor.shutdownNow();
  }
}
