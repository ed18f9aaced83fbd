package dev.featurestore.onlineserver.health;

import java.util.List;

/**
 * The server's health at one moment.
 *
 * @param problems what is degraded, in words; empty when healthy
 */
public record HealthReport(boolean registryLoaded, boolean onlineStoreHealthy, List<String> problems) {
  public HealthReport {
    problems = List.copyOf(problems);
  }

  public boolean healthy() {
    return problems.isEmpty();
  }
}
