package dev.featurestore.onlineserver;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code server.miss_policy:} block: what the server does when an entity is not in the online
 * store. {@code none} (the default) answers NOT_FOUND as Feast does and does nothing else.
 *
 * @param type none, backfill or read_through
 * @param deadline how long a read-through request waits for the offline store
 * @param window how far back the offline store is searched when the view has no ttl
 * @param maxPending the most entities waiting to be backfilled (more are dropped and counted)
 */
public record MissPolicyConfig(Type type, Duration deadline, Duration window, int maxPending) {

  /** What happens on a miss. */
  public enum Type {
    NONE, BACKFILL, READ_THROUGH
  }

  private static final Set<String> KEYS = Set.of("type", "deadline_ms", "window", "max_pending");
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)?");

  public static final MissPolicyConfig NONE =
      new MissPolicyConfig(Type.NONE, Duration.ofMillis(50), Duration.ofDays(30), 10_000);

  public MissPolicyConfig {
    requireNonNull(type, "type is null");
    requireNonNull(deadline, "deadline is null");
    requireNonNull(window, "window is null");
    if (deadline.isNegative() || deadline.isZero()) {
      throw invalid("deadline_ms must be positive, got " + deadline.toMillis());
    }
    if (window.isNegative() || window.isZero()) {
      throw invalid("window must be positive, got " + window);
    }
    if (maxPending <= 0) {
      throw invalid("max_pending must be positive, got " + maxPending);
    }
  }

  public boolean enabled() {
    return type != Type.NONE;
  }

  /** Parses the block; {@code null} is the default ({@code none}). */
  public static MissPolicyConfig from(Object value) {
    if (value == null) {
      return NONE;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw invalid("must be a mapping with keys " + new TreeSet<>(KEYS) + ", got '" + value + "'");
    }
    Set<String> unknown = new TreeSet<>();
    map.keySet().forEach(k -> unknown.add(String.valueOf(k)));
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw invalid("unknown key(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
    }
    return new MissPolicyConfig(
        type(map.get("type")),
        map.get("deadline_ms") == null ? NONE.deadline() : Duration.ofMillis(integer("deadline_ms", map.get("deadline_ms"))),
        map.get("window") == null ? NONE.window() : duration(map.get("window")),
        map.get("max_pending") == null ? NONE.maxPending() : (int) integer("max_pending", map.get("max_pending")));
  }

  private static Type type(Object value) {
    if (value == null) {
      throw invalid("type is required: one of none, backfill, read_through");
    }
    String name = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
    try {
      return Type.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw invalid("type must be one of none, backfill, read_through, got '" + value + "'");
    }
  }

  private static long integer(String key, Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof String s && s.matches("-?\\d{1,9}")) {
      return Long.parseLong(s);
    }
    throw invalid(key + " must be an integer, got '" + value + "'");
  }

  /** {@code 30d}, {@code 12h}, {@code 15m}, {@code 90s}, {@code 500ms}; a bare number is seconds. */
  private static Duration duration(Object value) {
    Matcher m = DURATION.matcher(String.valueOf(value).trim());
    if (!m.matches()) {
      throw invalid("window must be a duration such as 30d, 12h, 15m or 90s, got '" + value + "'");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      case "d" -> Duration.ofDays(n);
      default -> Duration.ofSeconds(n);
    };
  }

  private static FeatureStoreException invalid(String message) {
    return new FeatureStoreException(ErrorCode.INVALID_CONFIG, "server.miss_policy: " + message);
  }
}
