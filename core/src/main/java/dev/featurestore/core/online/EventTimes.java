package dev.featurestore.core.online;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Event times as callers send them outside typed columns: epoch seconds (fractions allowed) and
 * ISO-8601 text, where a blank may stand for the {@code T} and text without an offset is UTC. The
 * push API and the stream engine read them the same way through here.
 */
public final class EventTimes {
  private EventTimes() {}

  /** {@code 1700000000.25} → 2023-11-14T22:13:20.250Z. */
  public static Instant ofEpochSeconds(double seconds) {
    long whole = (long) Math.floor(seconds);
    return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
  }

  /** The instant of ISO-8601 text, or empty when the text is not one. */
  public static Optional<Instant> parseIso(String text) {
    String iso = text.trim().replace(' ', 'T');
    try {
      return Optional.of(OffsetDateTime.parse(iso).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
