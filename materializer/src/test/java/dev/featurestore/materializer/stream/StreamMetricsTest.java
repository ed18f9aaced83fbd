package dev.featurestore.materializer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.materializer.stream.StreamMetrics.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The last minute the console reads: applied records per second and bad records. */
class StreamMetricsTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T12:00:00Z"));
  private final StreamMetrics metrics = new StreamMetrics(new SimpleMeterRegistry(), "orders", clock);

  @Test
  void badRecordsCountForOneMinute() {
    metrics.count("orders", Outcome.BAD);
    clock.advance(Duration.ofSeconds(30));
    metrics.count("orders", Outcome.BAD);
    metrics.count("orders", Outcome.BAD);
    metrics.count("orders", Outcome.APPLIED);

    assertThat(metrics.badLastMinute()).isEqualTo(3);
    clock.advance(Duration.ofSeconds(30));
    assertThat(metrics.badLastMinute()).as("the first is a minute old").isEqualTo(2);
    clock.advance(Duration.ofSeconds(30));
    assertThat(metrics.badLastMinute()).isZero();
    assertThat(metrics.totals()).containsEntry("bad", 3L).containsEntry("applied", 1L);
  }

  @Test
  void eventsPerSecondAveragesTheCompleteSecondsOfTheLastMinute() {
    for (int second = 0; second < 59; second++) {
      for (int i = 0; i < 10; i++) {
        metrics.count("orders", Outcome.APPLIED);
      }
      metrics.count("orders", Outcome.BAD);
      clock.advance(Duration.ofSeconds(1));
    }
    metrics.count("orders", Outcome.APPLIED); // the current second is not counted yet

    assertThat(metrics.eventsPerSecond()).isEqualTo(10.0);
    assertThat(metrics.badLastMinute()).isEqualTo(59);
  }

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
