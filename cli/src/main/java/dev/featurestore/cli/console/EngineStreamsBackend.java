package dev.featurestore.cli.console;

import static java.util.Objects.requireNonNull;

import dev.featurestore.adminui.streams.StreamRow;
import dev.featurestore.adminui.streams.StreamsBackend;
import dev.featurestore.materializer.stream.StreamEngine;
import dev.featurestore.materializer.stream.StreamStatus;
import java.time.Duration;
import java.util.List;

/**
 * The console's streams page over the {@link StreamEngine} running in this process ({@code
 * featurestore up}). Every figure is the engine's in-memory status, so the page and the overview's
 * alerts cost no I/O.
 */
public final class EngineStreamsBackend implements StreamsBackend {

  private final StreamEngine engine;

  public EngineStreamsBackend(StreamEngine engine) {
    this.engine = requireNonNull(engine, "engine is null");
  }

  @Override
  public boolean connected() {
    return true;
  }

  @Override
  public List<StreamRow> streams() {
    return engine.status().stream().map(EngineStreamsBackend::row).toList();
  }

  @Override
  public Duration lagAlert() {
    return engine.config().lagAlert();
  }

  static StreamRow row(StreamStatus status) {
    return new StreamRow(status.name(), status.kind(), status.sources(), status.views(), status.running(),
        status.lastError(), status.eventsWith("applied"), status.eventsWith("bad"), status.eventsWith("late"),
        status.badLastMinute(), status.eventsPerSecond(), status.lagP50(), status.lagP99(), status.lastEventAt(),
        status.positions());
  }
}
