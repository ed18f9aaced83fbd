package dev.featurestore.cli;

import dev.featurestore.adminui.AdminConsole;
import dev.featurestore.adminui.AdminConsoleConfig;
import dev.featurestore.cli.console.LiveConsoleBackends;
import dev.featurestore.cli.console.ServerMetricsSource;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.materializer.MaterializationScheduler;
import dev.featurestore.materializer.MaterializerConfig;
import dev.featurestore.materializer.MaterializerConfigParser;
import dev.featurestore.materializer.stream.StreamEngine;
import dev.featurestore.materializer.stream.StreamingConfig;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * What {@code featurestore up} runs after applying and materializing: the online server, the
 * materialization scheduler, the stream engine (when views read streams) and (unless disabled) the
 * console wired to them, in this process.
 * Closing stops them in reverse order; the session's stores stay open.
 */
final class UpStack implements AutoCloseable {
  private final ServerRunner.Running server;
  private final MaterializationScheduler scheduler;
  private final ServerMetricsSource metrics;
  private final Optional<AdminConsole> console;
  private final Optional<StreamEngine> streams;
  private boolean closed;

  private UpStack(ServerRunner.Running server, MaterializationScheduler scheduler, ServerMetricsSource metrics,
      Optional<AdminConsole> console, Optional<StreamEngine> streams) {
    this.server = server;
    this.scheduler = scheduler;
    this.metrics = metrics;
    this.console = console;
    this.streams = streams;
  }

  /**
   * @param consoleConfig empty: no console
   */
  static UpStack start(MaterializationSession session, Integer restPort, Integer grpcPort,
      Optional<AdminConsoleConfig> consoleConfig, PrintWriter out) {
    ServerRunner.Running server = ServerRunner.start(session, restPort, grpcPort, out);
    MaterializationScheduler scheduler = null;
    ServerMetricsSource metrics = null;
    Optional<StreamEngine> streams = Optional.empty();
    try {
      MaterializerConfig config = MaterializerConfigParser.parse(session.config().materializer());
      // The server's registry, so /metrics also shows the materialization meters.
      scheduler = MaterializationSchedulers.create(
          session, config, server.server().meterRegistry(), new ScheduleProgress(out));
      scheduler.start();
      out.printf("Scheduling %d feature views (materializer: section of feature_store.yaml)%n",
          scheduler.schedules().size());
      streams = startStreams(session, server, out);
      metrics = ServerMetricsSource.started(server.server().meterRegistry());
      Optional<AdminConsole> console = Optional.empty();
      if (consoleConfig.isPresent()) {
        var backends = LiveConsoleBackends.of(server.server(), session.onlineStore(),
            session.config().onlineStore().type(), session.config().offlineStore().type(), scheduler, metrics,
            streams);
        console = Optional.of(UiCommand.startConsole(session.workspace(), consoleConfig.get(), backends, out));
      }
      return new UpStack(server, scheduler, metrics, console, streams);
    } catch (RuntimeException e) {
      if (metrics != null) {
        metrics.close();
      }
      streams.ifPresent(StreamEngine::close);
      if (scheduler != null) {
        scheduler.stop();
      }
      server.close();
      throw e;
    }
  }

  /**
   * Starts the project's streams when {@code materializer.streaming.enabled} (the default) and some
   * online view reads one. A stream that cannot be configured (no {@code cdc:} database for a
   * PostgresCdcSource, as on the embedded sample) is reported and skipped: the rest of the stack
   * is still useful, and {@code featurestore stream} fails on the same problem loudly.
   */
  private static Optional<StreamEngine> startStreams(
      MaterializationSession session, ServerRunner.Running server, PrintWriter out) {
    StreamingConfig config = StreamEngines.config(session);
    if (!config.enabled()) {
      return Optional.empty();
    }
    StreamEngine engine = null;
    try {
      engine = StreamEngines.create(session, config, server.server().meterRegistry());
      if (engine.isEmpty()) {
        engine.close();
        return Optional.empty();
      }
      // Starting checks the CDC database (wal_level, replication rights) and may refuse.
      engine.start();
    } catch (FeatureStoreException e) {
      if (engine != null) {
        engine.close();
      }
      if (e.code() != ErrorCode.INVALID_CONFIG) {
        throw e;
      }
      out.println("Streams not started: " + e.getMessage());
      return Optional.empty();
    }
    out.println("Streaming " + String.join(", ", engine.streamNames()) + " into the online store");
    return Optional.of(engine);
  }

  Optional<StreamEngine> streams() {
    return streams;
  }

  ServerRunner.Running server() {
    return server;
  }

  MaterializationScheduler scheduler() {
    return scheduler;
  }

  Optional<AdminConsole> console() {
    return console;
  }

  /** Blocks until the server is closed (by {@link #close} or the shutdown hook). */
  void awaitTermination() throws InterruptedException {
    server.server().awaitTermination();
  }

  /**
   * Idempotent: the shutdown hook and the command's own exit may both call it. A second caller
   * waits for the first to finish: {@code up}'s main thread wakes up as soon as gRPC stops and then
   * closes the stores, which must not happen while the hook is still stopping the REST server.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      console.ifPresent(AdminConsole::close);
      metrics.close();
    } finally {
      try {
        streams.ifPresent(StreamEngine::close);
        scheduler.stop();
      } finally {
        server.close();
      }
    }
  }
}
