package dev.featurestore.materializer.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stream as the console shows it.
 *
 * @param kind {@code PostgreSQL CDC} or {@code Kafka}
 * @param sources the Feast sources read through this stream
 * @param views the feature views it writes
 * @param events records per outcome since start ({@code applied, bad, late, duplicate, ignored})
 * @param eventsPerSecond applied records per second over the last minute
 * @param lagP50 median lag (commit to online write) over the last minute; empty when idle
 * @param lastEventAt commit time of the newest applied record
 * @param positions last applied position per partition
 * @param badLastMinute bad records over the last minute (the console alerts on any)
 */
public record StreamStatus(
    String name,
    String kind,
    List<String> sources,
    List<String> views,
    boolean running,
    Optional<String> lastError,
    Map<String, Long> events,
    double eventsPerSecond,
    Optional<Duration> lagP50,
    Optional<Duration> lagP99,
    Optional<Instant> lastEventAt,
    Map<String, String> positions,
    long badLastMinute) {

  public StreamStatus {
    sources = List.copyOf(sources);
    views = List.copyOf(views);
    events = Map.copyOf(events);
    positions = Map.copyOf(positions);
  }

  public long eventsWith(String outcome) {
    return events.getOrDefault(outcome, 0L);
  }
}
