package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.materialize.ViewMaterialization;
import dev.featurestore.core.materialize.ViewWindow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class MaterializationProgressTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("2024-01-15T12:00:00.250Z");

  @Test
  void printsFeastLikeLinesWithRatesAndAnEstimateOnLongRuns() {
    StringWriter text = new StringWriter();
    AtomicLong clock = new AtomicLong();
    MaterializationProgress progress =
        new MaterializationProgress(new PrintWriter(text), "redis", clock::get, Duration.ofSeconds(5), Duration.ofSeconds(10));
    ViewWindow a = new ViewWindow("a", START, END, START);
    ViewWindow b = new ViewWindow("b", START, END, END.minus(Duration.ofDays(1)));

    progress.planned(List.of(a, b), Optional.of(START), END);
    progress.viewStarted(a);
    clock.addAndGet(Duration.ofSeconds(2).toNanos());
    progress.rowsWritten(a, 1000, Duration.ofSeconds(2));
    clock.addAndGet(Duration.ofSeconds(4).toNanos());
    progress.rowsWritten(a, 3000, Duration.ofSeconds(6));
    clock.addAndGet(Duration.ofSeconds(6).toNanos());
    progress.viewFinished(new ViewMaterialization(a, 6000, Duration.ofSeconds(12)));
    progress.viewStarted(b);

    assertThat(text.toString()).isEqualTo(
        "Materializing 2 feature views from 2024-01-01 00:00:00+00:00 to 2024-01-15 12:00:00+00:00"
            + " into the redis online store.\n\n"
            + "a from 2024-01-01 00:00:00+00:00 to 2024-01-15 12:00:00+00:00:\n"
            + "  3,000 rows written (500 rows/s)\n"
            + "  6,000 rows in 12.0 s (500 rows/s)\n"
            + "  ETA: about 12 s for the 1 feature view left\n"
            + "b from 2024-01-01 00:00:00+00:00 to 2024-01-15 12:00:00+00:00:\n"
            + "  rows before 2024-01-14 12:00:00+00:00 are past the view's ttl: not read\n");
  }

  @Test
  void timesWithoutAnOffsetAreUtc() {
    IsoInstantConverter converter = new IsoInstantConverter();
    assertThat(converter.convert("2021-07-16T19:20:01")).isEqualTo(Instant.parse("2021-07-16T19:20:01Z"));
    assertThat(converter.convert("2021-07-16 19:20:01.5")).isEqualTo(Instant.parse("2021-07-16T19:20:01.500Z"));
    assertThat(converter.convert("2021-07-16T21:20:01+02:00")).isEqualTo(Instant.parse("2021-07-16T19:20:01Z"));
    assertThat(converter.convert("2021-07-16")).isEqualTo(Instant.parse("2021-07-16T00:00:00Z"));
    assertThatThrownBy(() -> converter.convert("16/07/2021")).isInstanceOf(TypeConversionException.class);
  }
}
