package dev.featurestore.cli.console;

import static java.util.Objects.requireNonNull;

import dev.featurestore.adminui.overview.MetricsSource;
import dev.featurestore.adminui.overview.ServingReport;
import dev.featurestore.adminui.overview.Sparkline;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The overview's serving figures, read in-process from the online server's Micrometer registry. A
 * daemon thread samples the cumulative counters every {@link #SAMPLE_EVERY} into a ring buffer of
 * the last hour; a report compares a fresh sample with the oldest one inside {@link #WINDOW}, and
 * draws the buffer's intervals as sparklines. Thread-safe.
 */
public final class ServerMetricsSource implements MetricsSource, AutoCloseable {
  public static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);
  public static final Duration WINDOW = Duration.ofMinutes(5);
  static final int CAPACITY = 360; // one hour of 10-second samples

  private final MeterRegistry registry;
  private final Clock clock;
  private final Duration window;
  private final Deque<ServingSample> samples = new ArrayDeque<>();
  private ScheduledExecutorService sampler;

  public ServerMetricsSource(MeterRegistry registry, Clock clock, Duration window) {
    this.registry = requireNonNull(registry, "registry is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.window = requireNonNull(window, "window is null");
    sample(); // the baseline, so the first report covers the time since start
  }

  /** A source sampling every 10 s on its own daemon thread until {@link #close}. */
  public static ServerMetricsSource started(MeterRegistry registry) {
    ServerMetricsSource source = new ServerMetricsSource(registry, Clock.systemUTC(), WINDOW);
    source.start();
    return source;
  }

  synchronized void start() {
    if (sampler == null) {
      sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-metrics-sampler");
        thread.setDaemon(true);
        return thread;
      });
      long every = SAMPLE_EVERY.toMillis();
      sampler.scheduleAtFixedRate(this::sampleQuietly, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /** Adds a sample now to the ring buffer, dropping the oldest beyond an hour. */
  synchronized void sample() {
    samples.addLast(ServingSample.take(registry, clock.instant()));
    while (samples.size() > CAPACITY) {
      samples.removeFirst();
    }
  }

  private void sampleQuietly() {
    try {
      sample();
    } catch (RuntimeException e) {
      // a meter read failing once must not stop the sampling thread
    }
  }

  @Override
  public boolean connected() {
    return true;
  }

  @Override
  public ServingReport report() {
    List<ServingSample> history;
    synchronized (this) {
      history = new ArrayList<>(samples);
    }
    ServingSample now = ServingSample.take(registry, clock.instant());
    Instant from = now.at().minus(window);
    ServingSample baseline = history.stream().filter(s -> !s.at().isBefore(from)).findFirst()
        .orElse(history.isEmpty() ? now : history.get(history.size() - 1));
    ServingReport figures = ServingWindow.between(baseline, now);
    return new ServingReport(figures.window(), figures.protocols(), figures.hitRate(), figures.views(), charts(history));
  }

  /** Requests per second, P95 per protocol and the hit rate, one point per sampling interval. */
  static List<Sparkline> charts(List<ServingSample> history) {
    if (history.size() < 3) {
      return List.of();
    }
    List<ServingReport> intervals = new ArrayList<>();
    for (int i = 1; i < history.size(); i++) {
      intervals.add(ServingWindow.between(history.get(i - 1), history.get(i)));
    }
    List<Sparkline> charts = new ArrayList<>();
    charts.add(chart("requests/s", intervals, r -> r.protocols().stream()
        .mapToDouble(ServingReport.ProtocolFigures::requestsPerSecond).sum(), "%.1f"));
    Map<String, Boolean> protocols = new TreeMap<>();
    history.get(history.size() - 1).protocols().keySet().forEach(p -> protocols.put(p, true));
    for (String protocol : protocols.keySet()) {
      charts.add(chart(protocol + " P95 ms", intervals, r -> r.protocol(protocol)
          .flatMap(ServingReport.ProtocolFigures::p95).map(d -> d.toNanos() / 1e6).orElse(Double.NaN), "%.1f"));
    }
    charts.add(chart("hit rate %", intervals, r -> r.hitRate().map(h -> h * 100).orElse(Double.NaN), "%.1f"));
    return charts;
  }

  private static Sparkline chart(String title, List<ServingReport> intervals, Function<ServingReport, Double> value,
      String format) {
    List<Double> values = intervals.stream().map(value).toList();
    Double last = values.get(values.size() - 1);
    return new Sparkline(title, last.isNaN() ? "—" : String.format(Locale.ROOT, format, last), values);
  }

  @Override
  public synchronized void close() {
    if (sampler != null) {
      sampler.shutdownNow();
      sampler = null;
    }
  }
}
