package dev.featurestore.cli;

import dev.featurestore.core.offline.OfflineStore;
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

  /** A started server and the registry cache it reads; closing stops both (not the stores). */
  record Running(OnlineServer server, CachedRegistry registry) implements AutoCloseable {
    @Override
    public void close() {
      try (registry) {
        server.close();
      }
    }
  }

  /**
   * Starts the server on the session's stores, prints where it listens and blocks until it stops.
   * The session's offline store backs {@code /materialize} and, when configured, the miss policy.
   *
   * @param restPort overrides {@code server.rest_port} when not null
   * @param grpcPort overrides {@code server.grpc_port} when not null
   */
  static void serve(MaterializationSession session, Integer restPort, Integer grpcPort, PrintWriter out)
      throws InterruptedException {
    try (Running running = start(session, restPort, grpcPort, out)) {
      Runtime.getRuntime().addShutdownHook(new Thread(running.server()::close, "featurestore-shutdown"));
      running.server().awaitTermination();
    }
  }

  /** Starts the server and prints where it listens; the caller closes the result. */
  static Running start(MaterializationSession session, Integer restPort, Integer grpcPort, PrintWriter out) {
    RepoWorkspace workspace = session.workspace();
    OnlineServerConfig config = OnlineServerConfig.from(workspace.config().server());
    config = config.withPorts(
        restPort == null ? config.restPort() : restPort, grpcPort == null ? config.grpcPort() : grpcPort);
    CachedRegistry registry = CachedRegistry.forConfig(workspace.store(), workspace.config());
    try {
      OfflineStore missPolicyStore = config.missPolicy().enabled() ? session.offlineStore() : null;
      OnlineServer server = OnlineServer.start(config, RegistrySnapshotSource.of(registry), session.onlineStore(),
          Clock.systemUTC(), Optional.<Materializer>of(new EngineMaterializer(session)), missPolicyStore);
      out.printf("Serving project %s (%s online store): REST http://%s:%d, gRPC %s:%d%n",
          workspace.config().project(), workspace.config().onlineStore().type(),
          config.host(), server.restPort(), config.host(), server.grpcPort());
      out.flush();
      return new Running(server, registry);
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
  }
}
