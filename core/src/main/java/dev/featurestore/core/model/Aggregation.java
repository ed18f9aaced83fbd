package dev.featurestore.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * Feast's {@code Aggregation} of a stream feature view: {@code function} of {@code column} over
 * the last {@code timeWindow}, recomputed every {@code slideInterval} (hopping windows).
 *
 * @param function one of {@code count, sum, mean, min, max} (Feast's names)
 * @param timeWindow zero when Feast's definition has none (then it cannot be computed here)
 * @param slideInterval the hop; zero means "same as the window" ({@link #hop()} gives the
 *     effective one). Feast's Python writes the window into {@code slide_interval} when none is
 *     given; the parser and the proto mapper turn a slide equal to the window into zero, so the
 *     model has one spelling for "tumbling"
 * @param name the output feature's name, "" for Feast's derived {@code <function>_<column>_<s>s}
 */
public record Aggregation(
    String column, String function, Duration timeWindow, Duration slideInterval, String name) {

  /** The functions this project's stream engine computes (Feast also names count_distinct). */
  public static final List<String> SUPPORTED_FUNCTIONS = List.of("count", "sum", "mean", "min", "max");

  public Aggregation {
    column = column == null ? "" : column;
    requireNonNull(function, "function is null");
    timeWindow = timeWindow == null ? Duration.ZERO : timeWindow;
    slideInterval = slideInterval == null ? Duration.ZERO : slideInterval;
    name = name == null ? "" : name;
  }

  /** The interval windows start at: the slide, or the window itself when no slide is given. */
  public Duration hop() {
    return slideInterval.isZero() ? timeWindow : slideInterval;
  }

  /** The feature this aggregation writes, as Feast's {@code Aggregation.resolved_name}. */
  public String featureName() {
    if (!name.isEmpty()) {
      return name;
    }
    String base = function + "_" + column;
    return timeWindow.isZero() ? base : base + "_" + timeWindow.toSeconds() + "s";
  }
}
