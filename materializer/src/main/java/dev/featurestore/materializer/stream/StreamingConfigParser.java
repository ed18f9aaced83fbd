package dev.featurestore.materializer.stream;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.materializer.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code materializer.streaming} of feature_store.yaml. Every problem is an {@code
 * INVALID_CONFIG} error naming the full key, e.g. {@code materializer.streaming.cdc.port}.
 *
 * <pre>
 * materializer:
 *   streaming:
 *     enabled: true              # up and schedule run the streams too (default: true)
 *     state_dir: data/stream_state
 *     batch_size: 1000
 *     lag_alert: 5s
 *     cdc:                       # the database PostgresCdcSources follow
 *       host: 127.0.0.1
 *       port: 5432
 *       database: bnpl
 *       user: featurestore
 *       password: ${CDC_PASSWORD}
 *       slot_name: featurestore
 *       publication_name: featurestore
 *       snapshot: never          # or initial
 *     kafka:                     # extra consumer properties for every KafkaSource
 *       security.protocol: SSL
 * </pre>
 */
public final class StreamingConfigParser {
  private static final String SECTION = "materializer.streaming";
  private static final Set<String> KEYS =
      Set.of("enabled", "state_dir", "batch_size", "lag_alert", "cdc", "kafka");
  private static final Set<String> CDC_KEYS =
      Set.of("host", "port", "database", "user", "password", "slot_name", "publication_name", "snapshot");

  private StreamingConfigParser() {}

  /**
   * @param materializer the whole {@code materializer:} section (may be empty)
   * @param repoPath relative paths are resolved against it
   */
  public static StreamingConfig parse(Map<String, Object> materializer, Path repoPath) {
    Map<String, Object> section =
        mapping(SECTION, materializer == null ? null : materializer.get("streaming"));
    for (String key : section.keySet()) {
      if (!KEYS.contains(key)) {
        throw error(SECTION + "." + key, "unknown key; expected one of " + sorted(KEYS));
      }
    }
    boolean enabled = bool(SECTION + ".enabled", section.get("enabled"), true);
    Path stateDir = repoPath.resolve(string(SECTION + ".state_dir", section.getOrDefault("state_dir", "data/stream_state"))).normalize();
    int batchSize = positiveInt(SECTION + ".batch_size", section.getOrDefault("batch_size", StreamingConfig.DEFAULT_BATCH_SIZE));
    Duration lagAlert = StreamingConfig.DEFAULT_LAG_ALERT;
    if (section.containsKey("lag_alert")) {
      lagAlert = Durations.parse(section.get("lag_alert"))
          .filter(d -> !d.isNegative() && !d.isZero())
          .orElseThrow(() -> error(SECTION + ".lag_alert", "must be a duration such as 5s or 1m"));
    }
    Optional<CdcConfig> cdc = section.containsKey("cdc") ? Optional.of(cdc(mapping(SECTION + ".cdc", section.get("cdc")))) : Optional.empty();
    Map<String, String> kafka = new LinkedHashMap<>();
    mapping(SECTION + ".kafka", section.get("kafka")).forEach((k, v) -> kafka.put(k, String.valueOf(v)));
    return new StreamingConfig(enabled, stateDir, batchSize, lagAlert, cdc, kafka);
  }

  private static CdcConfig cdc(Map<String, Object> cdc) {
    String key = SECTION + ".cdc";
    for (String name : cdc.keySet()) {
      if (!CDC_KEYS.contains(name)) {
        throw error(key + "." + name, "unknown key; expected one of " + sorted(CDC_KEYS));
      }
    }
    for (String required : List.of("database", "user")) {
      if (!cdc.containsKey(required)) {
        throw error(key + "." + required, "is required");
      }
    }
    String snapshot = string(key + ".snapshot", cdc.getOrDefault("snapshot", "never"));
    if (!snapshot.equals("never") && !snapshot.equals("initial")) {
      throw error(key + ".snapshot", "must be never or initial, got '" + snapshot + "'");
    }
    int port = positiveInt(key + ".port", cdc.getOrDefault("port", 5432));
    return new CdcConfig(
        string(key + ".host", cdc.getOrDefault("host", "127.0.0.1")),
        port,
        string(key + ".database", cdc.get("database")),
        string(key + ".user", cdc.get("user")),
        cdc.get("password") == null ? "" : String.valueOf(cdc.get("password")),
        string(key + ".slot_name", cdc.getOrDefault("slot_name", "featurestore")),
        string(key + ".publication_name", cdc.getOrDefault("publication_name", "featurestore")),
        snapshot);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mapping(String key, Object value) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw error(key, "must be a mapping, got '" + value + "'");
    }
    return (Map<String, Object>) map;
  }

  private static String string(String key, Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw error(key, "must be a non-empty string, got '" + value + "'");
    }
    return text;
  }

  private static int positiveInt(String key, Object value) {
    if (value instanceof Integer number && number > 0) {
      return number;
    }
    throw error(key, "must be a positive whole number, got '" + value + "'");
  }

  private static boolean bool(String key, Object value, boolean defaultValue) {
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw error(key, "must be true or false, got '" + value + "'");
  }

  private static String sorted(Set<String> keys) {
    return String.join(", ", keys.stream().sorted().toList());
  }

  private static FeatureStoreException error(String key, String problem) {
    return new FeatureStoreException(ErrorCode.INVALID_CONFIG, "feature_store.yaml: " + key + ": " + problem);
  }
}
