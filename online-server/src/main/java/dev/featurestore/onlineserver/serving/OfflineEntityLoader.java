package dev.featurestore.onlineserver.serving;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineWriteRow;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the latest offline row of one entity of one view, as materialization would have written
 * it: within the view's ttl back from now, or the configured window for a view without one. The
 * pull asks the offline store to restrict itself to the key, but a back-end may ignore that, so
 * the rows are matched here too. Blocking; thread-safe as the offline store is.
 */
final class OfflineEntityLoader {
  private static final int BATCH_SIZE = 256;

  private final OfflineStore offline;
  private final Duration window;
  private final Clock clock;

  OfflineEntityLoader(OfflineStore offline, Duration window, Clock clock) {
    this.offline = requireNonNull(offline, "offline is null");
    this.window = requireNonNull(window, "window is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  Optional<OnlineWriteRow> load(FeatureView view, EntityKey key) {
    Instant end = clock.instant();
    Duration span = view.ttl() == null || view.ttl().isZero() || view.ttl().isNegative() ? window : view.ttl();
    PullLatestRequest request =
        new PullLatestRequest(view, view.entityColumns(), end.minus(span), end, BATCH_SIZE, List.of(key));
    Map<String, Value> wanted = byJoinKey(key);
    try (OfflineRowStream stream = offline.pullLatest(request)) {
      for (List<OnlineWriteRow> batch = stream.nextBatch(); !batch.isEmpty(); batch = stream.nextBatch()) {
        for (OnlineWriteRow row : batch) {
          if (byJoinKey(row.key()).equals(wanted)) {
            return Optional.of(row);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The loaded row as the store read would have returned it for {@code features}. */
  static OnlineRow asOnlineRow(OnlineWriteRow row, List<String> features) {
    List<Value> values = new ArrayList<>(features.size());
    for (String feature : features) {
      values.add(row.values().get(feature));
    }
    return new OnlineRow(row.eventTimestamp(), values);
  }

  private static Map<String, Value> byJoinKey(EntityKey key) {
    Map<String, Value> map = new HashMap<>();
    for (int i = 0; i < key.getJoinKeysCount() && i < key.getEntityValuesCount(); i++) {
      map.put(key.getJoinKeys(i), key.getEntityValues(i));
    }
    return map;
  }
}
