package dev.featurestore.adminui;

import dev.featurestore.adminui.jobs.JobActionResult;
import dev.featurestore.adminui.jobs.JobRun;
import dev.featurestore.adminui.jobs.JobSummary;
import dev.featurestore.adminui.jobs.JobsBackend;
import dev.featurestore.adminui.lookup.LookupBackend;
import dev.featurestore.adminui.lookup.LookupResult;
import dev.featurestore.adminui.overview.ComponentHealth;
import dev.featurestore.adminui.overview.HealthStatus;
import dev.featurestore.adminui.overview.MetricsSource;
import dev.featurestore.adminui.overview.OverviewProbe;
import dev.featurestore.adminui.overview.ServingReport;
import dev.featurestore.adminui.overview.Sparkline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Fakes of the console's backend interfaces with fixed figures that break some service levels. */
final class TestingBackends {
  static final Instant NOW = Instant.now();

  final FakeJobs jobs = new FakeJobs();
  final ConsoleBackends backends;

  TestingBackends() {
    MetricsSource metrics = new MetricsSource() {
      @Override
      public boolean connected() {
        return true;
      }

      @Override
      public ServingReport report() {
        return new ServingReport(Duration.ofMinutes(5),
            List.of(
                new ServingReport.ProtocolFigures("grpc", 12.5, 0.0, Optional.of(Duration.ofMillis(3)),
                    Optional.of(Duration.ofMillis(9)), Optional.of(Duration.ofMillis(14))),
                new ServingReport.ProtocolFigures("rest", 40, 0.02, Optional.of(Duration.ofMillis(20)),
                    Optional.of(Duration.ofMillis(55)), Optional.of(Duration.ofMillis(80)))),
            Optional.of(0.8),
            List.of(new ServingReport.ViewHitRate("user_credit_profile", 0.8, 500)),
            List.of(new Sparkline("requests/s", "52.5", List.of(10.0, 30.0, 52.5))));
      }
    };
    OverviewProbe scheduler = new OverviewProbe() {
      @Override
      public String component() {
        return "Scheduler";
      }

      @Override
      public ComponentHealth check() {
        return new ComponentHealth("Scheduler", HealthStatus.UP, "7 feature views scheduled", Optional.of(NOW));
      }
    };
    LookupBackend lookup = new LookupBackend() {
      @Override
      public boolean connected() {
        return true;
      }

      @Override
      public LookupResult lookup(String featureService, Map<String, String> entityKeys) {
        return new LookupResult(List.of(new LookupResult.Row("user_credit_profile__credit_score",
            "712 for " + entityKeys.get("user_id"), "PRESENT", Optional.of(NOW))), "");
      }
    };
    backends = new ConsoleBackends(List.of(scheduler), List.of(), jobs, lookup, metrics);
  }

  static final class FakeJobs implements JobsBackend {
    final List<String> actions = new CopyOnWriteArrayList<>();

    @Override
    public boolean connected() {
      return true;
    }

    @Override
    public List<JobSummary> jobs() {
      return List.of(new JobSummary("user_demographics", "user_demographics", "every 1h", "scheduled",
          Optional.of(NOW.minusSeconds(60)), Optional.of(NOW.plusSeconds(3540))));
    }

    @Override
    public List<JobRun> recentRuns(int limit) {
      return List.of(
          new JobRun("4", "user_order_behavior", NOW.minusSeconds(10), Optional.of(NOW.minusSeconds(9)), "succeeded", 20, ""),
          new JobRun("3", "user_demographics", NOW.minusSeconds(60), Optional.of(NOW.minusSeconds(59)), "failed", 0,
              "offline store unreachable"),
          new JobRun("2", "user_order_behavior", NOW.minusSeconds(120), Optional.of(NOW.minusSeconds(119)), "failed", 0,
              "timeout"),
          new JobRun("1", "user_demographics", NOW.minusSeconds(3600), Optional.of(NOW.minusSeconds(3599)), "succeeded",
              200, ""));
    }

    @Override
    public JobActionResult trigger(String job, String requestedBy) {
      actions.add("trigger " + job + " " + requestedBy);
      return new JobActionResult(JobActionResult.Outcome.ACCEPTED, "triggered " + job + " for " + requestedBy);
    }

    @Override
    public JobActionResult pause(String job, String requestedBy) {
      return new JobActionResult(JobActionResult.Outcome.ACCEPTED, "paused");
    }

    @Override
    public JobActionResult resume(String job, String requestedBy) {
      return new JobActionResult(JobActionResult.Outcome.ACCEPTED, "resumed");
    }
  }
}
