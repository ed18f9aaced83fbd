package dev.featurestore.onlinestore.sqlite;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code event_ts} / {@code created_ts} columns of Feast's SQLite tables: declared {@code
 * timestamp}, holding integer epoch seconds since Feast 0.42 (its sqlite3 adapter stores {@code
 * int(datetime.timestamp())}, which truncates the fraction) and ISO-8601 text before.
 *
 * <p>Feast turns a UTC datetime into a naive one and lets Python read it in the local zone, so its
 * integers are true epoch seconds only on hosts running in UTC; we always write true epoch seconds.
 */
final class SqliteTimestamps {

  private SqliteTimestamps() {}

  /** Epoch seconds with the fraction truncated toward zero, as Python's {@code int()} does. */
  static long toColumn(Timestamp timestamp) {
    long seconds = timestamp.getSeconds();
    return seconds < 0 && timestamp.getNanos() > 0 ? seconds + 1 : seconds;
  }

  /**
   * Reads a column value as JDBC returns it: a number of epoch seconds, or the ISO text older Feast
   * versions wrote (naive = UTC); {@code null} stays {@code null}.
   */
  static Timestamp fromColumn(Object column) {
    if (column == null) {
      return null;
    }
    if (column instanceof Number number) {
      return Timestamp.newBuilder().setSeconds(number.longValue()).build();
    }
    String text = column.toString().trim();
    try {
      return Timestamp.newBuilder().setSeconds(Long.parseLong(text)).build();
    } catch (NumberFormatException notAnInteger) {
      return fromIsoText(text);
    }
  }

  private static Timestamp fromIsoText(String text) {
    String iso = text.replace(' ', 'T');
    Instant instant;
    try {
      instant = OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException noOffset) {
      try {
        instant = LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new FeatureStoreException(
            ErrorCode.INTERNAL, "SQLite online store: unreadable timestamp '" + text + "'", e);
      }
    }
    return Timestamp.newBuilder()
        .setSeconds(instant.getEpochSecond())
        .setNanos(instant.getNano())
        .build();
  }
}
