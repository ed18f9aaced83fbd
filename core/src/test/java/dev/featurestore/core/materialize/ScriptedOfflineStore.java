package dev.featurestore.core.materialize;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.online.OnlineWriteRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fake of our own SPI for engine tests: hands out the rows set per view whose event time is in
 * the window (no latest-row logic: tests give one row per key), and fails where told to.
 */
final class ScriptedOfflineStore implements OfflineStore {
  final Map<String, List<OnlineWriteRow>> rows = new HashMap<>();
  final Set<String> invalid = new HashSet<>();
  final Set<String> failAfterFirstBatch = new HashSet<>();
  final List<PullLatestRequest> checked = new ArrayList<>();
  final List<PullLatestRequest> pulled = new ArrayList<>();

  @Override
  public void checkPull(PullLatestRequest request) {
    checked.add(request);
    if (invalid.contains(request.view().name())) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_DEFINITION, "feature view '" + request.view().name() + "' is broken");
    }
  }

  @Override
  public OfflineRowStream pullLatest(PullLatestRequest request) {
    checkPull(request);
    pulled.add(request);
    String view = request.view().name();
    List<OnlineWriteRow> inWindow =
        rows.getOrDefault(view, List.of()).stream()
            .filter(r -> r.eventTimestamp().getSeconds() >= request.start().getEpochSecond())
            .filter(r -> r.eventTimestamp().getSeconds() <= request.end().getEpochSecond())
            .toList();
    return new OfflineRowStream() {
      int next;

      @Override
      public List<OnlineWriteRow> nextBatch() {
        if (next > 0 && failAfterFirstBatch.contains(view)) {
          throw new FeatureStoreException(ErrorCode.OFFLINE_STORE_UNAVAILABLE, "engine went away");
        }
        List<OnlineWriteRow> batch =
            inWindow.subList(next, Math.min(inWindow.size(), next + request.batchSize()));
        next += batch.size();
        return List.copyOf(batch);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void close() {}
}
