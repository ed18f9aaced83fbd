package dev.featurestore.adminui.streams;

import java.time.Duration;
import java.util.List;

/**
 * What the console needs from the stream engine: its streams and the lag the console alerts on.
 * The CLI implements it over the engine running in its process ({@code featurestore up}); without
 * one {@link NotConnectedStreamsBackend} answers. Implementations are thread-safe, read only
 * in-memory figures (cheap enough for every overview request), never throw, and are called from
 * worker threads, not the event loop.
 */
public interface StreamsBackend {

  /** False when no stream engine is wired in; the page then explains how to configure streams. */
  boolean connected();

  /** The running engine's streams, in any order (the page sorts them); empty when it runs none. */
  List<StreamRow> streams();

  /**
   * A lag P99 above this is a warning: {@code materializer.streaming.lag_alert} of
   * feature_store.yaml.
   */
  Duration lagAlert();
}
