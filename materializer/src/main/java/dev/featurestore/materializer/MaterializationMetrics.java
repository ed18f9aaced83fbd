package dev.featurestore.materializer;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scheduled materialization's meters, per feature view. Micrometer names, with the Prometheus
 * names they are exported as:
 *
 * <ul>
 *   <li>{@code featurestore.materialization.rows} → {@code featurestore_materialization_rows_total}
 *   <li>{@code featurestore.materialization.duration} (timer, tag {@code status}) → {@code
 *       featurestore_materialization_duration_seconds}
 *   <li>{@code featurestore.materialization.last.success.timestamp} → {@code
 *       featurestore_materialization_last_success_timestamp_seconds} (epoch seconds; NaN until a
 *       success is known)
 *   <li>{@code featurestore.materialization.freshness} → {@code
 *       featurestore_materialization_freshness_seconds}: now minus the end of the newest
 *       materialized interval, computed at scrape time (NaN while unknown)
 *   <li>{@code featurestore.materialization.failures} → {@code
 *       featurestore_materialization_failures_total}
 * </ul>
 */
final class MaterializationMetrics {
  static final String ROWS = "featurestore.materialization.rows";
  static final String DURATION = "featurestore.materialization.duration";
  static final String LAST_SUCCESS = "featurestore.materialization.last.success.timestamp";
  static final String FRESHNESS = "featurestore.materialization.freshness";
  static final String FAILURES = "featurestore.materialization.failures";
  private static final String VIEW = "feature_view";

  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<String, ViewState> views = new ConcurrentHashMap<>();

  MaterializationMetrics(MeterRegistry registry, Clock clock) {
    this.registry = requireNonNull(registry, "registry is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  boolean knows(String view) {
    return views.containsKey(view);
  }

  /** Registers the view's meters; {@code newestEnd} is the end of its newest materialized interval. */
  void register(String view, Instant newestEnd, Instant lastSuccess) {
    ViewState state = state(view);
    if (newestEnd != null) {
      state.newestEnd = max(state.newestEnd, newestEnd);
    }
    if (lastSuccess != null) {
      state.lastSuccess = max(state.lastSuccess, lastSuccess);
    }
  }

  void succeeded(String view, long rows, Duration elapsed, Instant windowEnd, Instant finishedAt) {
    ViewState state = state(view);
    state.rows.increment(rows);
    timer(view, RunStatus.SUCCEEDED).record(elapsed);
    if (windowEnd != null) {
      state.newestEnd = max(state.newestEnd, windowEnd);
    }
    state.lastSuccess = max(state.lastSuccess, finishedAt);
  }

  void failed(String view, long rows, Duration elapsed) {
    ViewState state = state(view);
    state.rows.increment(rows);
    state.failures.increment();
    timer(view, RunStatus.FAILED).record(elapsed);
  }

  private Timer timer(String view, RunStatus status) {
    return Timer.builder(DURATION)
        .description("Wall time of one view's scheduled materialization run")
        .tag(VIEW, view)
        .tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
        .register(registry);
  }

  private ViewState state(String view) {
    return views.computeIfAbsent(view, this::newState);
  }

  private ViewState newState(String view) {
    ViewState state = new ViewState(
        Counter.builder(ROWS).description("Rows written to the online store by scheduled runs")
            .tag(VIEW, view).register(registry),
        Counter.builder(FAILURES).description("Scheduled runs that failed (each attempt)")
            .tag(VIEW, view).register(registry));
    Gauge.builder(LAST_SUCCESS, state, s -> s.lastSuccess == null ? Double.NaN : s.lastSuccess.toEpochMilli() / 1e3)
        .description("When the view last materialized successfully")
        .baseUnit("seconds").tag(VIEW, view).register(registry);
    Gauge.builder(FRESHNESS, state, this::freshness)
        .description("Age of the newest materialized data: now minus the end of the last interval")
        .baseUnit("seconds").tag(VIEW, view).register(registry);
    return state;
  }

  private double freshness(ViewState state) {
    Instant end = state.newestEnd;
    return end == null ? Double.NaN : Duration.between(end, clock.instant()).toMillis() / 1e3;
  }

  private static Instant max(Instant current, Instant candidate) {
    return current == null || candidate.isAfter(current) ? candidate : current;
  }

  /** Gauges read these from the scrape thread, hence volatile. */
  private static final class ViewState {
    final Counter rows;
    final Counter failures;
    volatile Instant newestEnd;
    volatile Instant lastSuccess;

    ViewState(Counter rows, Counter failures) {
      this.rows = rows;
      this.failures = failures;
    }
  }
}
