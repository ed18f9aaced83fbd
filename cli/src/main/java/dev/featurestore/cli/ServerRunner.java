package dev.featurestore.cli;

import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.onlineserver.OnlineServer;
import dev.featurestore.onlineserver.OnlineServerConfig;
import dev.featurestore.onlineserver.serving.Materializer;
import dev.featurestore.onlineserver.serving.RegistrySnapshotSource;
import dev.featurestore.registry.cache.CachedRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;

/** Runs the online server on a workspace until the process is interrupted ({@code serve}, {@code up}). */
final class ServerRunner {
  private ServerRunner() {}

  /**
   * A started server, the registry cache it reads and the offline store its miss policy loads from
   * (null without one); closing stops them all (not the online store).
   */
  record Running(OnlineServer server, CachedRegistry registry, OfflineStore missOfflineStore)
      implements AutoCloseable {
    Running(OnlineServer server, CachedRegistry registry) {
      this(server, registry, null);
    }

    @Override
    public void close() {
      try (registry; missOfflineStore) {
        server.close();
      }
    }
  }

  /**
   * Starts the server, prints where it listens and blocks until it stops.
   *
   * @param materializer runs the server's {@code /materialize} endpoints (503 without one)
   * @param restPort overrides {@code server.rest_port} when not null
   * @param grpcPort overrides {@code server.grpc_port} when not null
   */
  static void serve(RepoWorkspace workspace, OnlineStore onlineStore, Optional<Materializer> materializer,
      Integer restPort, Integer grpcPort, PrintWriter out) throws InterruptedException {
    try (Running running = start(workspace, onlineStore, materializer, restPort, grpcPort, out)) {
      Runtime.getRuntime().addShutdownHook(new Thread(running.server()::close, "featurestore-shutdown"));
      running.server().awaitTermination();
    }
  }

  /** Starts the server and prints where it listens; the caller closes the result. */
  static Running start(RepoWorkspace workspace, OnlineStore onlineStore, Optional<Materializer> materializer,
      Integer restPort, Integer grpcPort, PrintWriter out) {
    OnlineServerConfig config = OnlineServerConfig.from(workspace.config().server());
    config = config.withPorts(
        restPort == null ? config.restPort() : restPort, grpcPort == null ? config.grpcPort() : grpcPort);
    CachedRegistry registry = CachedRegistry.forConfig(workspace.store(), workspace.config());
    // Opened only for a miss policy, so a plain server never connects to the offline store.
    OfflineStore offline = null;
    try {
      offline = config.missPolicy().enabled() ? OfflineStores.open(workspace.config()) : null;
      OnlineServer server = OnlineServer.start(
          config, RegistrySnapshotSource.of(registry), onlineStore, Clock.systemUTC(), materializer, offline);
      out.printf("Serving project %s (%s online store): REST http://%s:%d, gRPC %s:%d%n",
          workspace.config().project(), workspace.config().onlineStore().type(),
          config.host(), server.restPort(), config.host(), server.grpcPort());
      out.flush();
      return new Running(server, registry, offline);
    } catch (RuntimeException e) {
      if (offline != null) {
        offline.close();
      }
      registry.close();
      throw e;
    }
  }
}
