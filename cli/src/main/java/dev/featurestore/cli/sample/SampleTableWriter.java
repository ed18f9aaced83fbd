package dev.featurestore.cli.sample;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.duckdb.DuckDBAppender;

/**
 * Streams the rows of one {@link SampleTable} into a DuckDB appender, entity by entity, holding
 * only the current entity in memory.
 *
 * <p>Each entity gets between the table's min and max rows. The newest falls inside the table's
 * freshness window before {@code now}, the older ones anywhere in the history window, so that
 * materialization windows and point-in-time joins select different rows. {@code created} is the
 * event time plus an ingestion delay and grows with each row of an entity, so no two rows of an
 * entity tie on both timestamps. A few entities also get a correction: a second row with the same
 * event time and a later {@code created}, which point-in-time logic must prefer.
 */
final class SampleTableWriter {
  static final double CORRECTION_RATE = 0.01;

  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  private static final long MICROS_PER_DAY = 86_400 * MICROS_PER_SECOND;
  private static final long NEWEST_ROW_MIN_AGE = 120 * MICROS_PER_MINUTE;

  private final SampleDataOptions options;
  private final SampleDataListener listener;
  private final DuckDBAppender appender;
  private final FeatureWriter features;
  private final long nowMicros;

  SampleTableWriter(
      SampleDataOptions options, SampleDataListener listener, DuckDBAppender appender) {
    this.options = requireNonNull(options, "options is null");
    this.listener = requireNonNull(listener, "listener is null");
    this.appender = requireNonNull(appender, "appender is null");
    this.features = new FeatureWriter(appender);
    this.nowMicros =
        options.now().truncatedTo(ChronoUnit.SECONDS).getEpochSecond() * MICROS_PER_SECOND;
  }

  /** Appends every entity's rows and returns how many rows were appended. */
  <P> long write(SampleTable<P> table) throws SQLException {
    long entities = table.entity().count(options);
    long rows = 0;
    for (long index = 1; index <= entities; index++) {
      rows += writeEntity(table, index);
      if (index % SampleDataGenerator.PROGRESS_STEP == 0 || index == entities) {
        listener.onProgress(table.name(), index, entities);
      }
    }
    return rows;
  }

  private <P> int writeEntity(SampleTable<P> table, long index) throws SQLException {
    SplittableRandom rng = Seeds.stream(options.seed(), table.name(), index);
    // Squared so that most entities are safe and a tail is risky, as in real books.
    double risk =
        Math.pow(Seeds.stream(options.seed(), table.entity().name(), index).nextDouble(), 2);
    P profile = table.newProfile(rng, risk);
    features.useStream(rng);
    String id = table.entity().id(index);

    long[] events = eventTimes(table, rng);
    int correctionAt = rng.nextDouble() < CORRECTION_RATE ? rng.nextInt(events.length) : -1;
    long created = Long.MIN_VALUE;
    int written = 0;
    for (int i = 0; i < events.length; i++) {
      long delay = rng.nextLong(MICROS_PER_SECOND, 60 * MICROS_PER_MINUTE);
      created = Math.max(events[i] + delay, created + MICROS_PER_SECOND);
      writeRow(table, profile, id, events[i], created, new HistoryRow(rng, age(events[i]), false));
      written++;
      if (i == correctionAt) {
        created += rng.nextLong(MICROS_PER_MINUTE, 30 * MICROS_PER_MINUTE);
        writeRow(table, profile, id, events[i], created, new HistoryRow(rng, age(events[i]), true));
        written++;
      }
    }
    return written;
  }

  /** Event times in ascending order, whole seconds, all before {@code now}. */
  private long[] eventTimes(SampleTable<?> table, SplittableRandom rng) {
    long oldest = nowMicros - options.historyDays() * MICROS_PER_DAY;
    long freshness = table.freshness().toSeconds() * MICROS_PER_SECOND;
    long newestFrom = Math.max(oldest, nowMicros - freshness);
    long newestTo = Math.max(newestFrom + MICROS_PER_SECOND, nowMicros - NEWEST_ROW_MIN_AGE);

    int count = table.minRows() + rng.nextInt(table.maxRows() - table.minRows() + 1);
    long[] events = new long[count];
    events[count - 1] = rng.nextLong(newestFrom, newestTo);
    long span = events[count - 1] - oldest; // may be 0 when the history is shorter than freshness
    for (int i = 0; i < count - 1; i++) {
      events[i] = oldest + (long) (rng.nextDouble() * span);
    }
    for (int i = 0; i < count; i++) {
      events[i] -= Math.floorMod(events[i], MICROS_PER_SECOND);
    }
    Arrays.sort(events);
    return events;
  }

  private <P> void writeRow(
      SampleTable<P> table,
      P profile,
      String id,
      long eventMicros,
      long createdMicros,
      HistoryRow row)
      throws SQLException {
    appender.beginRow();
    appender.append(id);
    appender.appendEpochMicros(eventMicros);
    appender.appendEpochMicros(createdMicros);
    table.writeFeatures(profile, row, features);
    appender.endRow();
  }

  private double age(long eventMicros) {
    return (double) (nowMicros - eventMicros) / MICROS_PER_DAY;
  }
}
