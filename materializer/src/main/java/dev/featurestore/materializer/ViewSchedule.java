package dev.featurestore.materializer;

import static java.util.Objects.requireNonNull;

/**
 * The schedule of one feature view, or of every online view ({@code materializer.default}).
 *
 * @param enabled false keeps the view out of the schedule altogether
 */
public record ViewSchedule(ScheduleSpec spec, boolean enabled) {
  public ViewSchedule {
    requireNonNull(spec, "spec is null");
  }
}
