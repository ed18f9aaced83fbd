package dev.featurestore.onlineserver.serving;

import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.onlineserver.metrics.ServingMetrics;
import java.time.Clock;
import java.time.Duration;

/** Builds the {@link MissHandler} of a configured miss policy. */
public final class MissHandlers {
  private static final int THREADS = 4;

  private MissHandlers() {}

  /** Loads missed entities in the background and writes them to the online store. */
  public static MissHandler backfill(OfflineStore offline, OnlineStoreGateway store, Clock clock, Duration window,
      int maxPending, ServingMetrics metrics) {
    return new BackfillMissHandler(new OfflineEntityLoader(offline, window, clock), store, metrics, maxPending, THREADS);
  }

  /** Reads missed entities while the request waits, up to {@code deadline}. */
  public static MissHandler readThrough(OfflineStore offline, OnlineStoreGateway store, Clock clock, Duration window,
      Duration deadline, int maxPending, ServingMetrics metrics) {
    return new ReadThroughMissHandler(new OfflineEntityLoader(offline, window, clock), store, metrics, deadline,
        THREADS * 4, maxPending);
  }
}
