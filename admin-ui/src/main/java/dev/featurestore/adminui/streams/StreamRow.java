package dev.featurestore.adminui.streams;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One stream as the console shows it: a reader (a Kafka topic, or PostgreSQL logical replication
 * for every CDC source) feeding feature views in the online store.
 *
 * @param name the stream's name: {@code cdc}, or the Kafka source's name
 * @param kind e.g. "PostgreSQL CDC" or "Kafka"
 * @param sources the registry data sources read through this stream
 * @param views the registry feature views it writes
 * @param running whether the reader is connected and reading now
 * @param lastError the reader's last error, if it had one
 * @param applied records written to the online store since the stream started
 * @param bad records that no view could use (undecodable, missing keys), skipped
 * @param late records older than their view's watermark allows, dropped
 * @param badLastMinute bad records over the last minute
 * @param eventsPerSecond applied records per second over the last minute
 * @param lagP50 median time from the source's commit to the online write over the last minute;
 *     empty when nothing was applied in it
 * @param lagP99 the 99th percentile of the same
 * @param lastEventAt the source commit time of the newest applied record
 * @param positions the last applied offset (per Kafka partition) or LSN, as text
 */
public record StreamRow(
    String name,
    String kind,
    List<String> sources,
    List<String> views,
    boolean running,
    Optional<String> lastError,
    long applied,
    long bad,
    long late,
    long badLastMinute,
    double eventsPerSecond,
    Optional<Duration> lagP50,
    Optional<Duration> lagP99,
    Optional<Instant> lastEventAt,
    Map<String, String> positions) {

  public StreamRow {
    requireNonNull(name, "name is null");
    requireNonNull(kind, "kind is null");
    sources = List.copyOf(sources);
    views = List.copyOf(views);
    requireNonNull(lastError, "lastError is null");
    requireNonNull(lagP50, "lagP50 is null");
    requireNonNull(lagP99, "lagP99 is null");
    requireNonNull(lastEventAt, "lastEventAt is null");
    positions = Map.copyOf(positions);
  }

  /** How old the newest applied record is at {@code now}; empty before the first. */
  public Optional<Duration> newestEventAge(Instant now) {
    return lastEventAt.map(at -> Duration.between(at, now));
  }

  /** Whether the lag's 99th percentile over the last minute is above {@code threshold}. */
  public boolean lagAbove(Duration threshold) {
    return lagP99.map(lag -> lag.compareTo(threshold) > 0).orElse(false);
  }
}
