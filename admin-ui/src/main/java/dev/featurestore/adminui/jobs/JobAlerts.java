package dev.featurestore.adminui.jobs;

import dev.featurestore.adminui.overview.Alert;
import dev.featurestore.adminui.overview.AlertSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A critical alert per job whose latest finished run failed; a later success clears it. Runs still
 * retrying are left to the jobs page: the materializer has not given up on them.
 */
@Component
final class JobAlerts implements AlertSource {

  static final int RUNS_LOOKED_AT = 200;

  private final JobsBackend backend;

  JobAlerts(JobsBackend backend) {
    this.backend = backend;
  }

  @Override
  public List<Alert> alerts() {
    if (!backend.connected()) {
      return List.of();
    }
    Map<String, JobRun> latest = new LinkedHashMap<>();
    for (JobRun run : backend.recentRuns(RUNS_LOOKED_AT)) { // newest first
      if (run.finishedAt().isPresent() && !run.status().equalsIgnoreCase("retrying")) {
        latest.putIfAbsent(run.job(), run);
      }
    }
    return latest.values().stream()
        .filter(run -> run.status().equalsIgnoreCase("failed"))
        .map(run -> new Alert(Alert.Severity.CRITICAL, "Materialization of " + run.job() + " failed",
            run.message(), run.finishedAt().orElseThrow()))
        .toList();
  }
}
