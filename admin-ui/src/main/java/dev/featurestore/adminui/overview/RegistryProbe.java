package dev.featurestore.adminui.overview;

import dev.featurestore.adminui.web.ConsoleRegistry;
import dev.featurestore.adminui.web.ConsoleSettings;
import dev.featurestore.adminui.web.Formats;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The registry's health as the console sees it: up while the snapshot is confirmed current at
 * the refresh interval; degraded when refreshes fail (the last good snapshot is still shown).
 */
@Component
final class RegistryProbe implements OverviewProbe {

  private final ConsoleRegistry registry;
  private final ConsoleSettings settings;
  private final Formats formats = new Formats();

  RegistryProbe(ConsoleRegistry registry, ConsoleSettings settings) {
    this.registry = registry;
    this.settings = settings;
  }

  @Override
  public String component() {
    return "Registry";
  }

  @Override
  public ComponentHealth check() {
    Duration age = registry.snapshotAge();
    Duration interval = registry.refreshInterval();
    // One missed refresh can be scheduling jitter; two mean the refresh is failing.
    boolean current = age.compareTo(interval.multipliedBy(2).plusSeconds(5)) <= 0;
    String detail =
        "snapshot " + formats.duration(age) + " old, refreshed every " + formats.duration(interval)
            + (registry.failedRefreshes() > 0 ? "; " + registry.failedRefreshes() + " refreshes failed" : "")
            + (current ? "; last refresh ok" : "; last refresh failed");
    return new ComponentHealth(
        component(), current ? HealthStatus.UP : HealthStatus.DEGRADED, detail, Optional.of(settings.clock().instant()));
  }
}
