package dev.featurestore.adminui.jobs;

import java.util.List;

/** The jobs backend of a console started without a materializer: nothing to list or act on. */
public final class NotConnectedJobsBackend implements JobsBackend {

  static final String MESSAGE = "The materializer is not connected to this console.";

  @Override
  public boolean connected() {
    return false;
  }

  @Override
  public List<JobSummary> jobs() {
    return List.of();
  }

  @Override
  public List<JobRun> recentRuns(int limit) {
    return List.of();
  }

  @Override
  public JobActionResult trigger(String job, String requestedBy) {
    return JobActionResult.notAvailable(MESSAGE + " Cannot trigger " + job + ".");
  }

  @Override
  public JobActionResult pause(String job, String requestedBy) {
    return JobActionResult.notAvailable(MESSAGE + " Cannot pause " + job + ".");
  }

  @Override
  public JobActionResult resume(String job, String requestedBy) {
    return JobActionResult.notAvailable(MESSAGE + " Cannot resume " + job + ".");
  }
}
