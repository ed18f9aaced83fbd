package dev.featurestore.cli.console;

import dev.featurestore.adminui.ConsoleBackends;
import dev.featurestore.adminui.streams.NotConnectedStreamsBackend;
import dev.featurestore.adminui.streams.StreamsBackend;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.materializer.MaterializationScheduler;
import dev.featurestore.materializer.stream.StreamEngine;
import dev.featurestore.onlineserver.OnlineServer;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The console's backends when it runs in one process with the online server and the scheduler
 * ({@code featurestore up}): every page shows live data. The metrics source and the stream engine
 * are the caller's to close.
 */
public final class LiveConsoleBackends {
  private LiveConsoleBackends() {}

  /**
   * @param streams the stream engine {@code up} started, if it started one; without, the streams
   *     page explains how to configure streams
   */
  public static ConsoleBackends of(OnlineServer server, OnlineStore onlineStore, String onlineStoreType,
      String offlineStoreType, MaterializationScheduler scheduler, ServerMetricsSource metrics,
      Optional<StreamEngine> streams) {
    Clock clock = Clock.systemUTC();
    StreamsBackend streamsBackend =
        streams.<StreamsBackend>map(EngineStreamsBackend::new).orElseGet(NotConnectedStreamsBackend::new);
    return new ConsoleBackends(
        List.of(
            new OnlineStoreProbe(onlineStore, onlineStoreType, clock),
            new OfflineStoreProbe(offlineStoreType, scheduler, clock),
            new OnlineServerProbe(server, clock),
            new SchedulerProbe(scheduler, clock)),
        List.of(),
        new SchedulerJobsBackend(scheduler),
        new ServerLookupBackend(server.featureService()),
        metrics,
        streamsBackend);
  }
}
