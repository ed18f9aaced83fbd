package dev.featurestore.adminui.lookup;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a lookup returned.
 *
 * @param message why there are no rows, or "" when the lookup ran
 */
public record LookupResult(List<Row> rows, String message) {

  /**
   * One feature value.
   *
   * @param value rendered as text
   * @param status Feast's field status (PRESENT, NOT_FOUND, OUTSIDE_MAX_AGE...)
   */
  public record Row(String feature, String value, String status, Optional<Instant> eventTime) {
    public Row {
      requireNonNull(feature, "feature is null");
      requireNonNull(value, "value is null");
      requireNonNull(status, "status is null");
      requireNonNull(eventTime, "eventTime is null");
    }
  }

  public LookupResult {
    rows = List.copyOf(rows);
    requireNonNull(message, "message is null");
  }

  public static LookupResult unavailable(String message) {
    return new LookupResult(List.of(), message);
  }
}
