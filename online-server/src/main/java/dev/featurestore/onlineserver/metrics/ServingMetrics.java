package dev.featurestore.onlineserver.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The server's meters, all prefixed {@code featurestore_} in Prometheus. Latency timers publish
 * percentile histograms so P50/P95/P99 can be computed with {@code histogram_quantile}. Meters are
 * cached per tag combination so the hot path does a map lookup, not a registry search.
 */
public final class ServingMetrics {
  public static final String REQUEST_DURATION = "featurestore.request.duration";
  public static final String REQUESTS = "featurestore.requests";
  public static final String REQUEST_ERRORS = "featurestore.request.errors";
  public static final String STORE_HITS = "featurestore.online.store.hits";
  public static final String STORE_MISSES = "featurestore.online.store.misses";
  public static final String STORE_DURATION = "featurestore.online.store.duration";
  public static final String STORE_FAILURES = "featurestore.online.store.failures";
  public static final String STORE_HEALTHY = "featurestore.online.store.healthy";
  public static final String REGISTRY_AGE = "featurestore.registry.snapshot.age";
  public static final String MISS_BACKFILLS = "featurestore.miss.backfills";
  public static final String READ_THROUGH = "featurestore.read.through";

  private final MeterRegistry registry;
  private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
  private final Map<String, Counter> requestCounters = new ConcurrentHashMap<>();
  private final Map<String, Counter> errorCounters = new ConcurrentHashMap<>();
  private final Map<String, Counter> hits = new ConcurrentHashMap<>();
  private final Map<String, Counter> misses = new ConcurrentHashMap<>();
  private final Map<String, Timer> storeTimers = new ConcurrentHashMap<>();
  private final Map<String, Counter> storeFailures = new ConcurrentHashMap<>();
  private final Map<String, Counter> missOutcomes = new ConcurrentHashMap<>();

  public ServingMetrics(MeterRegistry registry) {
    this.registry = requireNonNull(registry, "registry is null");
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** Registers the gauges that read the registry snapshot age and the store's health. */
  public void bindGauges(Supplier<Optional<Duration>> registryAge, BooleanSupplier storeHealthy) {
    Gauge.builder(REGISTRY_AGE, registryAge, age -> age.get().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN))
        .baseUnit("seconds")
        .description("Time since the served registry snapshot was loaded or confirmed current")
        .register(registry);
    Gauge.builder(STORE_HEALTHY, storeHealthy, healthy -> healthy.getAsBoolean() ? 1 : 0)
        .description("1 when the online store answered its last health check and call, else 0")
        .register(registry);
  }

  /**
   * Records one finished request.
   *
   * @param status the transport status (HTTP code or gRPC status name)
   * @param errorCode the error code for failures, {@code null} on success
   */
  public void recordRequest(String protocol, String endpoint, String status, String errorCode, long nanos) {
    String key = protocol + '\u0000' + endpoint + '\u0000' + status;
    requestTimers.computeIfAbsent(key, k -> Timer.builder(REQUEST_DURATION)
            .description("Request latency by protocol and endpoint")
            .tags("protocol", protocol, "endpoint", endpoint, "status", status)
            .publishPercentileHistogram()
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
    requestCounters.computeIfAbsent(key, k -> Counter.builder(REQUESTS)
            .description("Requests by protocol, endpoint and status")
            .tags("protocol", protocol, "endpoint", endpoint, "status", status)
            .register(registry))
        .increment();
    if (errorCode != null) {
      errorCounters.computeIfAbsent(key + '\u0000' + errorCode, k -> Counter.builder(REQUEST_ERRORS)
              .description("Failed requests by protocol, endpoint, status and error code")
              .tags("protocol", protocol, "endpoint", endpoint, "status", status, "code", errorCode)
              .register(registry))
          .increment();
    }
  }

  /** Counts entity rows found ({@code hit}) or not found in the online store for a view. */
  public void recordLookups(String view, int found, int notFound) {
    if (found > 0) {
      hits.computeIfAbsent(view, v -> Counter.builder(STORE_HITS)
              .description("Entity rows found in the online store, per feature view")
              .tag("feature_view", v).register(registry))
          .increment(found);
    }
    if (notFound > 0) {
      misses.computeIfAbsent(view, v -> Counter.builder(STORE_MISSES)
              .description("Entity rows absent from the online store, per feature view")
              .tag("feature_view", v).register(registry))
          .increment(notFound);
    }
  }

  /** Records one online store call ({@code read} or {@code write}) and its outcome. */
  public void recordStoreCall(String operation, boolean success, long nanos) {
    String outcome = success ? "success" : "failure";
    storeTimers.computeIfAbsent(operation + '\u0000' + outcome, k -> Timer.builder(STORE_DURATION)
            .description("Online store call latency")
            .tags("operation", operation, "outcome", outcome)
            .publishPercentileHistogram()
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
    if (!success) {
      storeFailures.computeIfAbsent(operation, op -> Counter.builder(STORE_FAILURES)
              .description("Online store calls that failed or missed the deadline")
              .tag("operation", op).register(registry))
          .increment();
    }
  }

  /**
   * Counts one backfill of a missed entity: {@code written}, {@code not_found} (not in the offline
   * store's window either), {@code failed}, or {@code dropped} (queue full).
   */
  public void recordBackfill(String view, String outcome) {
    countMiss(MISS_BACKFILLS, "Entities missed online and queued for loading from the offline store", view, outcome);
  }

  /**
   * Counts one read-through of a missed entity: {@code found}, {@code not_found}, {@code timeout}
   * (the deadline passed first) or {@code failed}.
   */
  public void recordReadThrough(String view, String outcome) {
    countMiss(READ_THROUGH, "Entities missed online and read synchronously from the offline store", view, outcome);
  }

  private void countMiss(String name, String description, String view, String outcome) {
    missOutcomes.computeIfAbsent(name + '\u0000' + view + '\u0000' + outcome, k -> Counter.builder(name)
            .description(description)
            .tags("feature_view", view, "outcome", outcome).register(registry))
        .increment();
  }
}
