package dev.featurestore.cli.console;

import static java.util.Objects.requireNonNull;

import dev.featurestore.adminui.overview.ComponentHealth;
import dev.featurestore.adminui.overview.HealthStatus;
import dev.featurestore.adminui.overview.OverviewProbe;
import dev.featurestore.materializer.MaterializationRun;
import dev.featurestore.materializer.MaterializationScheduler;
import dev.featurestore.materializer.RunStatus;
import java.time.Clock;
import java.util.Optional;

/**
 * The offline store as materialization sees it: the OfflineStore SPI has no health check, so the
 * latest finished run stands in for one (each run reads the offline store). Degraded when that run
 * failed; unknown before any run.
 */
public final class OfflineStoreProbe implements OverviewProbe {
  private final String type;
  private final MaterializationScheduler scheduler;
  private final Clock clock;

  public OfflineStoreProbe(String type, MaterializationScheduler scheduler, Clock clock) {
    this.type = requireNonNull(type, "type is null");
    this.scheduler = requireNonNull(scheduler, "scheduler is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public String component() {
    return "Offline store";
  }

  @Override
  public ComponentHealth check() {
    try {
      Optional<MaterializationRun> last = scheduler.history(Optional.empty(), 20).stream()
          .filter(r -> r.status() != RunStatus.RUNNING).findFirst();
      if (last.isEmpty()) {
        return new ComponentHealth(component(), HealthStatus.UNKNOWN,
            type + "; no materialization run has read it yet", Optional.of(clock.instant()));
      }
      MaterializationRun run = last.get();
      boolean ok = run.status() == RunStatus.SUCCEEDED;
      return new ComponentHealth(component(), ok ? HealthStatus.UP : HealthStatus.DEGRADED,
          type + "; last materialization run (" + run.featureView() + ") "
              + (ok ? "succeeded" : "failed: " + run.error().orElse("")),
          run.finishedAt());
    } catch (RuntimeException e) {
      return new ComponentHealth(component(), HealthStatus.UNKNOWN, type + "; " + e.getMessage(),
          Optional.of(clock.instant()));
    }
  }
}
