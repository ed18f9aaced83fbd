package dev.featurestore.materializer;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quartz.CronExpression;

/**
 * Reads the {@code materializer:} section of feature_store.yaml (already a YAML map) into a {@link
 * MaterializerConfig}. Every problem is an {@code INVALID_CONFIG} error naming the full key, e.g.
 * {@code materializer.views.merchant_features.cron}.
 */
public final class MaterializerConfigParser {
  private static final String SECTION = "materializer";
  private static final Set<String> TOP_KEYS =
      Set.of(
          "default",
          "views",
          "retries",
          "job_store",
          "job_store_url",
          "history",
          "threads",
          // Read by StreamingConfigParser.
          "streaming");
  private static final Set<String> SCHEDULE_KEYS = Set.of("interval", "cron", "enabled");
  private static final Set<String> RETRY_KEYS = Set.of("max", "backoff");

  private MaterializerConfigParser() {}

  public static MaterializerConfig parse(Map<String, Object> section) {
    Map<String, Object> top = section == null ? Map.of() : section;
    checkKeys(SECTION, top, TOP_KEYS);
    MaterializerConfig defaults = MaterializerConfig.defaults();
    ViewSchedule defaultSchedule =
        top.containsKey("default")
            ? schedule(SECTION + ".default", top.get("default"), defaults.defaultSchedule())
            : defaults.defaultSchedule();
    Map<String, ViewSchedule> views = new LinkedHashMap<>();
    for (Map.Entry<String, Object> view : mapping(SECTION + ".views", top.get("views")).entrySet()) {
      String key = SECTION + ".views." + view.getKey();
      views.put(view.getKey(), schedule(key, view.getValue(), defaultSchedule));
    }
    return new MaterializerConfig(
        defaultSchedule,
        views,
        retries(top.get("retries")),
        jobStore(top.get("job_store")),
        optionalString(SECTION + ".job_store_url", top.get("job_store_url")),
        bool(SECTION + ".history", top.get("history"), defaults.history()),
        threads(top.get("threads")));
  }

  /** An entry with {@code interval} or {@code cron} (not both) and {@code enabled}; the rest is inherited. */
  private static ViewSchedule schedule(String key, Object value, ViewSchedule inherited) {
    Map<String, Object> entry = mapping(key, value);
    checkKeys(key, entry, SCHEDULE_KEYS);
    if (entry.containsKey("interval") && entry.containsKey("cron")) {
      throw error(key, "set either interval or cron, not both");
    }
    ScheduleSpec spec = inherited.spec();
    if (entry.containsKey("interval")) {
      spec = new ScheduleSpec.Interval(positiveDuration(key + ".interval", entry.get("interval")));
    } else if (entry.containsKey("cron")) {
      spec = new ScheduleSpec.Cron(cron(key + ".cron", entry.get("cron")));
    }
    return new ViewSchedule(spec, bool(key + ".enabled", entry.get("enabled"), true));
  }

  private static String cron(String key, Object value) {
    if (!(value instanceof String expression) || expression.isBlank()) {
      throw error(key, "must be a Quartz cron expression such as \"0 */5 * * * ?\", got " + describe(value));
    }
    try {
      CronExpression.validateExpression(expression.trim());
    } catch (ParseException e) {
      throw error(
          key,
          "'" + expression + "' is not a valid Quartz cron expression (seconds minutes hours"
              + " day-of-month month day-of-week [year], e.g. \"0 */5 * * * ?\"): " + e.getMessage());
    }
    return expression.trim();
  }

  private static RetryPolicy retries(Object value) {
    String key = SECTION + ".retries";
    if (value == null) {
      return RetryPolicy.DEFAULT;
    }
    Map<String, Object> entry = mapping(key, value);
    checkKeys(key, entry, RETRY_KEYS);
    int max = RetryPolicy.DEFAULT.max();
    Object rawMax = entry.get("max");
    if (rawMax != null) {
      if (!(rawMax instanceof Integer n) || n < 0) {
        throw error(key + ".max", "must be a whole number of retries, 0 or more, got " + describe(rawMax));
      }
      max = n;
    }
    Duration backoff = RetryPolicy.DEFAULT.backoff();
    if (entry.get("backoff") != null) {
      backoff = positiveDuration(key + ".backoff", entry.get("backoff"));
    }
    return new RetryPolicy(max, backoff);
  }

  private static JobStoreKind jobStore(Object value) {
    if (value == null) {
      return JobStoreKind.RAM;
    }
    String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "ram", "memory" -> JobStoreKind.RAM;
      case "jdbc" -> JobStoreKind.JDBC;
      default -> throw error(SECTION + ".job_store", "must be ram or jdbc, got " + describe(value));
    };
  }

  private static int threads(Object value) {
    if (value == null) {
      return MaterializerConfig.DEFAULT_THREADS;
    }
    if (!(value instanceof Integer n) || n < 1) {
      throw error(SECTION + ".threads", "must be a whole number, 1 or more, got " + describe(value));
    }
    return n;
  }

  private static Duration positiveDuration(String key, Object value) {
    Duration duration =
        Durations.parse(value)
            .orElseThrow(
                () ->
                    error(
                        key,
                        describe(value)
                            + " is not a duration (write e.g. 30s, 5m, 1h, 1h30m, 1d or PT1H)"));
    if (duration.isNegative() || duration.isZero()) {
      throw error(key, "must be longer than zero, got " + describe(value));
    }
    return duration;
  }

  private static Optional<String> optionalString(String key, Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text) || text.isBlank()) {
      throw error(key, "must be a database URL such as postgresql://user@host:5432/db, got " + describe(value));
    }
    return Optional.of(text.trim());
  }

  private static boolean bool(String key, Object value, boolean defaultValue) {
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    throw error(key, "must be true or false, got " + describe(value));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapping(String key, Object value) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw error(key, "must be a mapping such as {interval: 1h}, got " + describe(value));
    }
    for (Object name : map.keySet()) {
      if (!(name instanceof String)) {
        throw error(key, "keys must be names, got " + describe(name));
      }
    }
    return (Map<String, Object>) map;
  }

  private static void checkKeys(String key, Map<String, Object> entry, Set<String> known) {
    for (String name : entry.keySet()) {
      if (!known.contains(name)) {
        throw error(
            key + "." + name,
            "unknown key; expected one of " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  private static String describe(Object value) {
    if (value == null) {
      return "nothing";
    }
    return value instanceof String ? "'" + value + "'" : value + " (" + kind(value) + ")";
  }

  private static String kind(Object value) {
    if (value instanceof Map) {
      return "a mapping";
    }
    if (value instanceof List) {
      return "a list";
    }
    return value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  private static FeatureStoreException error(String key, String problem) {
    return new FeatureStoreException(ErrorCode.INVALID_CONFIG, "feature_store.yaml: " + key + ": " + problem);
  }
}
