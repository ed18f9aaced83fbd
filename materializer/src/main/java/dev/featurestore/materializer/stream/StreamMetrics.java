package dev.featurestore.materializer.stream;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A stream's meters. Micrometer names, with the Prometheus names they are exported as:
 *
 * <ul>
 *   <li>{@code featurestore.stream.events} (tags {@code stream, source, outcome}: applied, bad,
 *       late, duplicate, ignored) → {@code featurestore_stream_events_total}
 *   <li>{@code featurestore.stream.lag} (timer with histogram buckets; from the source's commit to
 *       the online-store write) → {@code featurestore_stream_lag_seconds_bucket/_count/_sum}
 *   <li>{@code featurestore.stream.last.event.timestamp} → {@code
 *       featurestore_stream_last_event_timestamp_seconds} (commit time of the newest applied record)
 *   <li>{@code featurestore.stream.position} (tag {@code partition}) → {@code
 *       featurestore_stream_position}: last applied offset or commit LSN
 *   <li>{@code featurestore.stream.up} → {@code featurestore_stream_up}: 1 while the reader reads
 * </ul>
 *
 * It also keeps the last minute in memory for the console (events per second, lag percentiles).
 */
public final class StreamMetrics {
  /** What became of a record; the {@code outcome} tag. */
  public enum Outcome {
    APPLIED,
    BAD,
    LATE,
    DUPLICATE,
    IGNORED;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static final String EVENTS = "featurestore.stream.events";
  public static final String LAG = "featurestore.stream.lag";
  public static final String LAST_EVENT = "featurestore.stream.last.event.timestamp";
  public static final String POSITION = "featurestore.stream.position";
  public static final String UP = "featurestore.stream.up";

  private static final int RECENT_SECONDS = 60;
  private static final int RECENT_LAGS = 4_096;

  private final MeterRegistry registry;
  private final String stream;
  private final Clock clock;
  private final Timer lag;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> positions = new ConcurrentHashMap<>();
  private final Map<String, String> positionText = new ConcurrentHashMap<>();
  private final AtomicLong lastEventMillis = new AtomicLong(Long.MIN_VALUE);
  private volatile BooleanSupplier up = () -> false;

  // The last minute, for the console: applied and bad records per second, and recent lags.
  private final RecentCounts applied = new RecentCounts();
  private final RecentCounts bad = new RecentCounts();
  private final long[] lagNanos = new long[RECENT_LAGS];
  private final long[] lagStamp = new long[RECENT_LAGS];
  private int lagNext;

  public StreamMetrics(MeterRegistry registry, String stream, Clock clock) {
    this.registry = requireNonNull(registry, "registry is null");
    this.stream = requireNonNull(stream, "stream is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.lag =
        Timer.builder(LAG)
            .description("Time from a change's commit at the source to its online-store write")
            .tag("stream", stream)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(10))
            .register(registry);
    Gauge.builder(LAST_EVENT, lastEventMillis, v -> v.get() == Long.MIN_VALUE ? Double.NaN : v.get() / 1000.0)
        .description("Commit time of the newest record written to the online store")
        .baseUnit("seconds") // exported as ..._timestamp_seconds, like the materialization gauges
        .tag("stream", stream)
        .register(registry);
    Gauge.builder(UP, this, m -> m.up.getAsBoolean() ? 1 : 0)
        .description("1 while the stream's reader is connected and reading")
        .tag("stream", stream)
        .register(registry);
    for (Outcome outcome : Outcome.values()) {
      totals.put(outcome.tag(), new AtomicLong());
    }
  }

  /** Counts a record of {@code source}. */
  public void count(String source, Outcome outcome) {
    counters
        .computeIfAbsent(
            source + '\0' + outcome.tag(),
            k ->
                Counter.builder(EVENTS)
                    .description("Stream records read, by what became of them")
                    .tags("stream", stream, "source", source, "outcome", outcome.tag())
                    .register(registry))
        .increment();
    totals.get(outcome.tag()).incrementAndGet();
    if (outcome == Outcome.APPLIED) {
      applied.add(clock.millis() / 1000);
    } else if (outcome == Outcome.BAD) {
      bad.add(clock.millis() / 1000);
    }
  }

  /** Records an applied record's lag. */
  public void applied(Instant committedAt, Instant writtenAt) {
    Duration elapsed = Duration.between(committedAt, writtenAt);
    if (elapsed.isNegative()) {
      elapsed = Duration.ZERO; // clocks of the source and this host disagree a little
    }
    lag.record(elapsed);
    lastEventMillis.accumulateAndGet(committedAt.toEpochMilli(), Math::max);
    synchronized (lagNanos) {
      lagNanos[lagNext] = elapsed.toNanos();
      lagStamp[lagNext] = writtenAt.toEpochMilli();
      lagNext = (lagNext + 1) % RECENT_LAGS;
    }
  }

  public void position(StreamPosition position) {
    positions
        .computeIfAbsent(
            position.partition(),
            partition -> {
              AtomicLong holder = new AtomicLong();
              Gauge.builder(POSITION, holder, AtomicLong::get)
                  .description("Last applied offset (Kafka) or commit LSN (PostgreSQL)")
                  .tags("stream", stream, "partition", partition)
                  .register(registry);
              return holder;
            })
        .set(position.major());
    positionText.put(position.partition().isEmpty() ? "lsn" : position.partition(), position.toString());
  }

  /** Where {@code featurestore_stream_up} looks at scrape time: the reader's own state. */
  public void up(BooleanSupplier running) {
    up = requireNonNull(running, "running is null");
  }

  Map<String, Long> totals() {
    Map<String, Long> copy = new TreeMap<>();
    totals.forEach((outcome, count) -> copy.put(outcome, count.get()));
    return copy;
  }

  Map<String, String> positions() {
    return Map.copyOf(positionText);
  }

  double eventsPerSecond() {
    // The current second is still filling up: average the 59 complete ones before it.
    return applied.sum(clock.millis() / 1000, false) / (double) (RECENT_SECONDS - 1);
  }

  /** Bad records over the last minute, the current second included (the console alerts on any). */
  long badLastMinute() {
    return bad.sum(clock.millis() / 1000, true);
  }

  /**
   * Lag quantiles over the last minute, from one sorted copy of the recent lags; each empty when
   * nothing was applied in it.
   */
  List<Optional<Duration>> recentLags(double... quantiles) {
    long since = clock.millis() - RECENT_SECONDS * 1000L;
    long[] recent;
    synchronized (lagNanos) {
      recent = new long[RECENT_LAGS];
      int n = 0;
      for (int i = 0; i < RECENT_LAGS; i++) {
        if (lagStamp[i] >= since && lagStamp[i] != 0) {
          recent[n++] = lagNanos[i];
        }
      }
      recent = Arrays.copyOf(recent, n);
    }
    Arrays.sort(recent);
    List<Optional<Duration>> result = new ArrayList<>(quantiles.length);
    for (double quantile : quantiles) {
      if (recent.length == 0) {
        result.add(Optional.empty());
        continue;
      }
      int index = (int) Math.min(recent.length - 1, Math.ceil(quantile * recent.length) - 1);
      result.add(Optional.of(Duration.ofNanos(recent[Math.max(0, index)])));
    }
    return result;
  }

  Optional<Instant> lastEventAt() {
    long millis = lastEventMillis.get();
    return millis == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }

  /** Counts per second over the last {@value #RECENT_SECONDS} seconds, in a ring of slots. */
  private static final class RecentCounts {
    private final long[] counts = new long[RECENT_SECONDS];
    private final long[] stamps = new long[RECENT_SECONDS];

    synchronized void add(long second) {
      int slot = (int) (second % RECENT_SECONDS);
      if (stamps[slot] != second) {
        stamps[slot] = second;
        counts[slot] = 0;
      }
      counts[slot]++;
    }

    synchronized long sum(long now, boolean withCurrentSecond) {
      long sum = 0;
      for (int i = 0; i < RECENT_SECONDS; i++) {
        if (now - stamps[i] < RECENT_SECONDS && (withCurrentSecond || stamps[i] != now)) {
          sum += counts[i];
        }
      }
      return sum;
    }
  }
}
