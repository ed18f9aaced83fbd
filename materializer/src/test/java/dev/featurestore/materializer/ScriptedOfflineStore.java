package dev.featurestore.materializer;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.online.OnlineWriteRow;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A fake of our own SPI: every pull yields {@link #ROWS} rows stamped at the window's end, unless a
 * failure is queued for the view, which the pull throws instead (one per pull).
 */
final class ScriptedOfflineStore implements OfflineStore {
  static final int ROWS = 3;

  final Map<String, Deque<RuntimeException>> failures = new ConcurrentHashMap<>();
  final List<PullLatestRequest> pulled = Collections.synchronizedList(new ArrayList<>());

  void failNext(String view, RuntimeException... errors) {
    Deque<RuntimeException> queue = failures.computeIfAbsent(view, v -> new ConcurrentLinkedDeque<>());
    queue.addAll(List.of(errors));
  }

  List<PullLatestRequest> pulls(String view) {
    synchronized (pulled) {
      return pulled.stream().filter(r -> r.view().name().equals(view)).toList();
    }
  }

  @Override
  public void checkPull(PullLatestRequest request) {}

  @Override
  public OfflineRowStream pullLatest(PullLatestRequest request) {
    RuntimeException failure =
        failures.getOrDefault(request.view().name(), new ConcurrentLinkedDeque<>()).poll();
    if (failure != null) {
      throw failure;
    }
    pulled.add(request);
    List<OnlineWriteRow> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(new OnlineWriteRow(
          EntityKey.newBuilder().addJoinKeys("user_id")
              .addEntityValues(Value.newBuilder().setStringVal("u" + i)).build(),
          Timestamp.newBuilder().setSeconds(request.end().getEpochSecond()).build(),
          null,
          Map.of("score", Value.newBuilder().setInt64Val(i).build())));
    }
    return new OfflineRowStream() {
      private boolean done;

      @Override
      public List<OnlineWriteRow> nextBatch() {
        if (done) {
          return List.of();
        }
        done = true;
        return rows;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {}
}
