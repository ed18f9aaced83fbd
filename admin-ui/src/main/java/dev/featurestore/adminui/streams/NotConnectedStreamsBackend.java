package dev.featurestore.adminui.streams;

import java.time.Duration;
import java.util.List;

/** The streams backend of a console started without a stream engine: no streams, no alerts. */
public final class NotConnectedStreamsBackend implements StreamsBackend {

  /** The engine's own default ({@code materializer.streaming.lag_alert}), shown on the page. */
  static final Duration DEFAULT_LAG_ALERT = Duration.ofSeconds(5);

  @Override
  public boolean connected() {
    return false;
  }

  @Override
  public List<StreamRow> streams() {
    return List.of();
  }

  @Override
  public Duration lagAlert() {
    return DEFAULT_LAG_ALERT;
  }
}
