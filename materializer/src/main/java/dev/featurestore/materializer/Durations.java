package dev.featurestore.materializer;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in feature_store.yaml: {@code 90s}, {@code 5m}, {@code 1h30m},
 * {@code 2d}, {@code 250ms}, an ISO-8601 {@code PT1H}, or a bare number of seconds.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  /** The duration, or empty when the text is none of the accepted forms. */
  public static Optional<Duration> parse(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return Optional.of(Duration.ofSeconds(((Number) value).longValue()));
    }
    if (!(value instanceof String text)) {
      return Optional.empty();
    }
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    if (trimmed.startsWith("p")) {
      try {
        return Optional.of(Duration.parse(trimmed.toUpperCase(Locale.ROOT)));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    if (!trimmed.isEmpty() && trimmed.chars().allMatch(Character::isDigit)) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
    }
    Matcher matcher = PART.matcher(trimmed);
    Duration total = Duration.ZERO;
    int end = 0;
    while (matcher.find() && matcher.start() == end) {
      long amount = Long.parseLong(matcher.group(1));
      total = total.plus(switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      });
      end = matcher.end();
    }
    return end == trimmed.length() && end > 0 ? Optional.of(total) : Optional.empty();
  }

  /** The shortest of the accepted forms, e.g. {@code 1h30m}, {@code 45s}, {@code 250ms}. */
  public static String format(Duration duration) {
    StringBuilder text = new StringBuilder();
    long days = duration.toDays();
    append(text, days, "d");
    append(text, duration.toHoursPart(), "h");
    append(text, duration.toMinutesPart(), "m");
    append(text, duration.toSecondsPart(), "s");
    append(text, duration.toMillisPart(), "ms");
    return text.isEmpty() ? "0s" : text.toString();
  }

  private static void append(StringBuilder text, long amount, String unit) {
    if (amount != 0) {
      text.append(amount).append(unit);
    }
  }
}
