package dev.featurestore.core.materialize;

import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.online.ViewRead;
import feast.proto.types.EntityKeyProto.EntityKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fake of our own SPI for engine tests: rows by view and key; counts write calls. */
final class InMemoryOnlineStore implements OnlineStore {
  final Map<String, Map<EntityKey, OnlineWriteRow>> rows = new HashMap<>();
  final List<Integer> writeSizes = new ArrayList<>();

  @Override
  public List<List<OnlineRow>> read(String project, List<ViewRead> reads) {
    List<List<OnlineRow>> result = new ArrayList<>();
    for (ViewRead read : reads) {
      List<OnlineRow> perKey = new ArrayList<>();
      for (EntityKey key : read.keys()) {
        OnlineWriteRow row = rows.getOrDefault(read.view(), Map.of()).get(key);
        perKey.add(row == null ? null
            : new OnlineRow(row.eventTimestamp(), read.features().stream().map(row.values()::get).toList()));
      }
      result.add(perKey);
    }
    return result;
  }

  @Override
  public void write(String project, String view, List<OnlineWriteRow> batch) {
    writeSizes.add(batch.size());
    batch.forEach(row -> rows.computeIfAbsent(view, v -> new HashMap<>()).put(row.key(), row));
  }

  @Override
  public void deleteViews(String project, List<String> views) {
    views.forEach(rows::remove);
  }

  @Override
  public boolean isHealthy() {
    return true;
  }

  @Override
  public void close() {}

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
