package dev.featurestore.adminui.jobs;

import static java.util.Objects.requireNonNull;

/** The outcome of an operator action on a job, shown as a banner. */
public record JobActionResult(Outcome outcome, String message) {

  public enum Outcome {
    ACCEPTED,
    REJECTED,
    NOT_AVAILABLE
  }

  public JobActionResult {
    requireNonNull(outcome, "outcome is null");
    requireNonNull(message, "message is null");
  }

  public static JobActionResult notAvailable(String message) {
    return new JobActionResult(Outcome.NOT_AVAILABLE, message);
  }
}
