package dev.featurestore.cli.console;

import static java.util.Objects.requireNonNull;

import dev.featurestore.adminui.overview.ComponentHealth;
import dev.featurestore.adminui.overview.HealthStatus;
import dev.featurestore.adminui.overview.OverviewProbe;
import dev.featurestore.materializer.MaterializationScheduler;
import dev.featurestore.materializer.ScheduledView;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The materialization scheduler of this process: how many views it schedules, paused, next fire. */
public final class SchedulerProbe implements OverviewProbe {
  private final MaterializationScheduler scheduler;
  private final Clock clock;

  public SchedulerProbe(MaterializationScheduler scheduler, Clock clock) {
    this.scheduler = requireNonNull(scheduler, "scheduler is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public String component() {
    return "Scheduler";
  }

  @Override
  public ComponentHealth check() {
    try {
      List<ScheduledView> views = scheduler.schedules();
      long paused = views.stream().filter(ScheduledView::paused).count();
      Optional<Instant> next = views.stream().flatMap(v -> v.nextFireTime().stream()).min(Instant::compareTo);
      String detail = views.size() + " feature views scheduled, " + paused + " paused"
          + next.map(n -> "; next run at " + n).orElse("");
      return new ComponentHealth(component(), HealthStatus.UP, detail, Optional.of(clock.instant()));
    } catch (RuntimeException e) {
      return new ComponentHealth(component(), HealthStatus.DOWN, e.getMessage(), Optional.of(clock.instant()));
    }
  }
}
