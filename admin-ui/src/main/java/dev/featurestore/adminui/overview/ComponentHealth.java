package dev.featurestore.adminui.overview;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of the overview's health table.
 *
 * @param component what is described ("Online store", "Scheduler")
 * @param detail a short human sentence ("redis, 3 nodes, 1.2 ms ping"); "" if none
 * @param checkedAt when the probe last looked; empty if it never did
 */
public record ComponentHealth(String component, HealthStatus status, String detail, Optional<Instant> checkedAt) {
  public ComponentHealth {
    requireNonNull(component, "component is null");
    requireNonNull(status, "status is null");
    detail = detail == null ? "" : detail;
    requireNonNull(checkedAt, "checkedAt is null");
  }

  public static ComponentHealth notConnected(String component, String detail) {
    return new ComponentHealth(component, HealthStatus.NOT_CONNECTED, detail, Optional.empty());
  }
}
