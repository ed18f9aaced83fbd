package dev.featurestore.cli.console;

import static java.util.Objects.requireNonNull;

import dev.featurestore.adminui.overview.ComponentHealth;
import dev.featurestore.adminui.overview.HealthStatus;
import dev.featurestore.adminui.overview.OverviewProbe;
import dev.featurestore.core.online.OnlineStore;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** The online store's own health check ({@link OnlineStore#isHealthy}), timed. */
public final class OnlineStoreProbe implements OverviewProbe {
  private final OnlineStore store;
  private final String type;
  private final Clock clock;

  public OnlineStoreProbe(OnlineStore store, String type, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.type = requireNonNull(type, "type is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public String component() {
    return "Online store";
  }

  @Override
  public ComponentHealth check() {
    long started = System.nanoTime();
    boolean healthy;
    try {
      healthy = store.isHealthy();
    } catch (RuntimeException e) {
      healthy = false;
    }
    String took = String.format(Locale.ROOT, "%.1f ms", (System.nanoTime() - started) / 1e6);
    return new ComponentHealth(component(), healthy ? HealthStatus.UP : HealthStatus.DOWN,
        type + (healthy ? ", health check answered in " : ", health check failed after ") + took,
        Optional.of(clock.instant()));
  }
}
