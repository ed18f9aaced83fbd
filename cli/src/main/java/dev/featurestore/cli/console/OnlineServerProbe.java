package dev.featurestore.cli.console;

import static java.util.Objects.requireNonNull;

import dev.featurestore.adminui.overview.ComponentHealth;
import dev.featurestore.adminui.overview.HealthStatus;
import dev.featurestore.adminui.overview.OverviewProbe;
import dev.featurestore.onlineserver.OnlineServer;
import dev.featurestore.onlineserver.health.HealthReport;
import java.time.Clock;
import java.util.Optional;

/** The online server of this process: its ports and what its {@code /health} would answer. */
public final class OnlineServerProbe implements OverviewProbe {
  private final OnlineServer server;
  private final Clock clock;

  public OnlineServerProbe(OnlineServer server, Clock clock) {
    this.server = requireNonNull(server, "server is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public String component() {
    return "Online server";
  }

  @Override
  public ComponentHealth check() {
    String ports = "REST port " + server.restPort() + ", gRPC port " + server.grpcPort();
    try {
      HealthReport report = server.health();
      return new ComponentHealth(component(), report.healthy() ? HealthStatus.UP : HealthStatus.DEGRADED,
          ports + (report.healthy() ? "; serving" : "; " + String.join("; ", report.problems())),
          Optional.of(clock.instant()));
    } catch (RuntimeException e) {
      return new ComponentHealth(component(), HealthStatus.DOWN, ports + "; " + e.getMessage(),
          Optional.of(clock.instant()));
    }
  }
}
