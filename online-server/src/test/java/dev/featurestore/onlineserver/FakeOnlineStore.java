package dev.featurestore.onlineserver;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.online.ViewRead;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory {@link OnlineStore} for unit tests, with switches to make it slow or down. */
final class FakeOnlineStore implements OnlineStore {
  record Stored(Timestamp eventTime, Map<String, Value> values) {}

  final Map<String, Stored> rows = new ConcurrentHashMap<>();
  final AtomicInteger reads = new AtomicInteger();
  volatile boolean down;
  volatile long delayMillis;

  @Override
  public List<List<OnlineRow>> read(String project, List<ViewRead> reads) {
    this.reads.incrementAndGet();
    pause();
    List<List<OnlineRow>> results = new ArrayList<>();
    for (ViewRead read : reads) {
      List<OnlineRow> viewRows = new ArrayList<>();
      for (EntityKey key : read.keys()) {
        Stored stored = rows.get(id(project, read.view(), key));
        if (stored == null) {
          viewRows.add(null);
        } else {
          List<Value> values = new ArrayList<>();
          read.features().forEach(f -> values.add(stored.values().get(f)));
          viewRows.add(new OnlineRow(stored.eventTime(), values));
        }
      }
      results.add(viewRows);
    }
    return results;
  }

  @Override
  public void write(String project, String view, List<OnlineWriteRow> writes) {
    pause();
    for (OnlineWriteRow row : writes) {
      rows.merge(id(project, view, row.key()), new Stored(row.eventTimestamp(), row.values()), (old, neu) -> {
        Map<String, Value> merged = new java.util.HashMap<>(old.values());
        merged.putAll(neu.values());
        return new Stored(neu.eventTime(), merged);
      });
    }
  }

  void put(String project, String view, EntityKey key, Timestamp eventTime, Map<String, Value> values) {
    rows.put(id(project, view, key), new Stored(eventTime, values));
  }

  private void pause() {
    if (down) {
      throw new FeatureStoreException(ErrorCode.ONLINE_STORE_UNAVAILABLE, "connection refused");
    }
    if (delayMillis > 0) {
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Keys compared with join keys sorted, as real stores serialize them. */
  private static String id(String project, String view, EntityKey key) {
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < key.getJoinKeysCount(); i++) {
      sorted.put(key.getJoinKeys(i), key.getEntityValues(i).toString());
    }
    return project + "/" + view + "/" + sorted;
  }

  @Override
  public void deleteViews(String project, List<String> views) {}

  @Override
  public boolean isHealthy() {
    return !down;
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
