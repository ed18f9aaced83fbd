package dev.featurestore.benchmarks.jmh;

import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.online.ViewRead;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A map-backed {@link OnlineStore} (a fake of our own SPI) so the serving benchmarks measure the
 * server's code without Redis. Keys are matched as written: the benchmark writes and reads the
 * same single-join-key keys.
 */
final class InMemoryOnlineStore implements OnlineStore {
  private final Map<String, Map<EntityKey, OnlineWriteRow>> views = new ConcurrentHashMap<>();

  @Override
  public List<List<OnlineRow>> read(String project, List<ViewRead> reads) {
    List<List<OnlineRow>> results = new ArrayList<>(reads.size());
    for (ViewRead read : reads) {
      Map<EntityKey, OnlineWriteRow> rows = views.getOrDefault(project + "/" + read.view(), Map.of());
      List<OnlineRow> found = new ArrayList<>(read.keys().size());
      for (EntityKey key : read.keys()) {
        OnlineWriteRow row = rows.get(key);
        if (row == null) {
          found.add(null);
          continue;
        }
        List<Value> values = new ArrayList<>(read.features().size());
        read.features().forEach(feature -> values.add(row.values().get(feature)));
        found.add(new OnlineRow(row.eventTimestamp(), values));
      }
      results.add(found);
    }
    return results;
  }

  @Override
  public void write(String project, String view, List<OnlineWriteRow> rows) {
    Map<EntityKey, OnlineWriteRow> stored = views.computeIfAbsent(project + "/" + view, v -> new ConcurrentHashMap<>());
    rows.forEach(row -> stored.put(row.key(), row));
  }

  @Override
  public void deleteViews(String project, List<String> names) {
    names.forEach(view -> views.remove(project + "/" + view));
  }

  @Override
  public boolean isHealthy() {
    return true;
  }

  @Override
  public void close() {
    views.clear();
  }

  @Override
  public void overwrite(String project, String view, List<OnlineWriteRow> rows) {
    write(project, view, rows);
  }

  @Override
  public void deleteEntities(
      String project,
      String view,
      List<String> features,
      List<feast.proto.types.EntityKeyProto.EntityKey> keys) {
    throw new UnsupportedOperationException("not used by these tests");
  }
}
