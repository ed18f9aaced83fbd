package dev.featurestore.core.config;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code online_store:} or {@code offline_store:} block of feature_store.yaml: its {@code type}
 * and the other keys with YAML-typed values (String, Integer, Long, Double, Boolean, List, Map).
 * Keys were checked against the type's known keys when the file was read; back-ends read their
 * options through the typed accessors, which name the key on a type mismatch.
 */
public record StoreConfig(String block, String type, Map<String, Object> options) {
  public StoreConfig {
    requireNonNull(block, "block is null");
    requireNonNull(type, "type is null");
    options = Map.copyOf(options);
  }

  public Optional<String> string(String key) {
    Object value = options.get(key);
    return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
  }

  public String string(String key, String defaultValue) {
    return string(key).orElse(defaultValue);
  }

  public int integer(String key, int defaultValue) {
    Object value = options.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw wrongType(key, "an integer", value);
    }
  }

  public boolean bool(String key, boolean defaultValue) {
    Object value = options.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    return switch (value.toString().trim().toLowerCase()) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw wrongType(key, "true or false", value);
    };
  }

  private FeatureStoreException wrongType(String key, String expected, Object value) {
    return new FeatureStoreException(
        ErrorCode.INVALID_CONFIG,
        "feature_store.yaml: " + block + "." + key + " must be " + expected + ", got '" + value + "'");
  }
}
