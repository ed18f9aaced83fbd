package dev.featurestore.core.online;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimesTest {
  @Test
  void readsEpochSecondsWithFractions() {
    assertThat(EventTimes.ofEpochSeconds(1_700_000_000.25)).isEqualTo(Instant.parse("2023-11-14T22:13:20.250Z"));
    assertThat(EventTimes.ofEpochSeconds(-1.5)).isEqualTo(Instant.parse("1969-12-31T23:59:58.500Z"));
    // Rounding up to a whole second carries into the seconds.
    assertThat(EventTimes.ofEpochSeconds(1.9999999999)).isEqualTo(Instant.ofEpochSecond(2));
  }

  @Test
  void readsIsoTextWithOrWithoutOffset() {
    assertThat(EventTimes.parseIso("2026-01-01T12:00:00Z")).contains(Instant.parse("2026-01-01T12:00:00Z"));
    assertThat(EventTimes.parseIso(" 2026-01-01 12:00:00+02:00 ")).contains(Instant.parse("2026-01-01T10:00:00Z"));
    assertThat(EventTimes.parseIso("2026-01-01T12:00:00.5")).contains(Instant.parse("2026-01-01T12:00:00.500Z"));
    assertThat(EventTimes.parseIso("yesterday")).isEmpty();
    assertThat(EventTimes.parseIso("2026-01-01")).isEmpty();
  }
}
