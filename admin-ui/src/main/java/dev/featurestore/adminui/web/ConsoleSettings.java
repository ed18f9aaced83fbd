package dev.featurestore.adminui.web;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;

/** Page-level settings: the freshness threshold and the clock ages are measured with. */
public record ConsoleSettings(Duration freshnessWarning, Clock clock) {
  public ConsoleSettings {
    requireNonNull(freshnessWarning, "freshnessWarning is null");
    requireNonNull(clock, "clock is null");
  }
}
