package dev.featurestore.cli.console;

import dev.featurestore.adminui.ConsoleBackends;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.materializer.MaterializationScheduler;
import dev.featurestore.onlineserver.OnlineServer;
import java.time.Clock;
import java.util.List;

/**
 * The console's backends when it runs in one process with the online server and the scheduler
 * ({@code featurestore up}): every page shows live data. The metrics source is the caller's to
 * close.
 */
public final class LiveConsoleBackends {
  private LiveConsoleBackends() {}

  public static ConsoleBackends of(OnlineServer server, OnlineStore onlineStore, String onlineStoreType,
      String offlineStoreType, MaterializationScheduler scheduler, ServerMetricsSource metrics) {
    Clock clock = Clock.systemUTC();
    return new ConsoleBackends(
        List.of(
            new OnlineStoreProbe(onlineStore, onlineStoreType, clock),
            new OfflineStoreProbe(offlineStoreType, scheduler, clock),
            new OnlineServerProbe(server, clock),
            new SchedulerProbe(scheduler, clock)),
        List.of(),
        new SchedulerJobsBackend(scheduler),
        new ServerLookupBackend(server.featureService()),
        metrics);
  }
}
