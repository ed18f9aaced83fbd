package dev.featurestore.adminui.overview;

import dev.featurestore.adminui.web.ConsoleRegistry;
import dev.featurestore.adminui.web.ConsoleSettings;
import java.util.List;
import org.springframework.stereotype.Component;

/** A warning while registry refreshes fail and the console shows an old snapshot. */
@Component
final class RegistryAlerts implements AlertSource {

  private final RegistryProbe probe;
  private final ConsoleRegistry registry;
  private final ConsoleSettings settings;

  RegistryAlerts(RegistryProbe probe, ConsoleRegistry registry, ConsoleSettings settings) {
    this.probe = probe;
    this.registry = registry;
    this.settings = settings;
  }

  @Override
  public List<Alert> alerts() {
    ComponentHealth health = probe.check();
    if (health.status() == HealthStatus.UP) {
      return List.of();
    }
    return List.of(
        new Alert(
            Alert.Severity.WARNING,
            "Registry refresh is failing",
            health.detail(),
            settings.clock().instant().minus(registry.snapshotAge())));
  }
}
