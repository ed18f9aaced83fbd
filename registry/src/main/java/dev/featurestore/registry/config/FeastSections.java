package dev.featurestore.registry.config;

import static dev.featurestore.registry.config.ValueKind.INT;
import static dev.featurestore.registry.config.ValueKind.STRICT_BOOL;

import dev.featurestore.core.config.StoreConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Feast's smaller top-level sections that stay maps in {@code RepoConfig}: {@code auth}, {@code
 * feature_server} and {@code materialization}, checked as Feast's {@code repo_config.py} checks
 * them.
 */
final class FeastSections {
  /** Feast's {@code ALLOWED_AUTH_TYPES}. */
  static final List<String> AUTH_TYPES = List.of("no_auth", "kubernetes", "oidc");

  private static final KeySpec PULL_LATEST = KeySpec.of("pull_latest_features", STRICT_BOOL, false);
  private static final KeySpec BATCH_SIZE = KeySpec.of("online_write_batch_size", INT);

  private FeastSections() {}

  /** {@code auth}: a type name or a mapping with {@code type}; absent = {@code no_auth}. */
  static Map<String, Object> auth(ConfigBlock top) {
    if (!top.has("auth")) {
      return Map.of("type", "no_auth");
    }
    Object raw = top.value("auth");
    Map<String, Object> auth;
    if (raw instanceof String type) {
      auth = Map.of("type", type);
    } else if (raw instanceof Map<?, ?>) {
      auth = withoutNulls(mapping(top, "auth"));
    } else {
      throw top.error(
          "auth", "auth must be a type name or a mapping, got " + ValueKind.describe(raw));
    }
    Object type = auth.get("type");
    if (type == null) {
      throw top.error("auth", "auth is missing its type; one of " + String.join(", ", AUTH_TYPES));
    }
    if (!AUTH_TYPES.contains(type)) {
      throw top.error(
          "auth",
          "auth type "
              + ValueKind.describe(type)
              + " is not supported; one of "
              + String.join(", ", AUTH_TYPES));
    }
    return auth;
  }

  /** {@code feature_server}: absent = empty; type {@code local} (default) or {@code mcp}. */
  static Map<String, Object> featureServer(ConfigBlock top) {
    if (!top.has("feature_server") || top.value("feature_server") == null) {
      return Map.of();
    }
    StoreConfig server = StoreConfigParser.featureServer().parse(top);
    if (!StoreTypes.FEATURE_SERVER_TYPES.contains(server.type())) {
      throw top.error(
          "feature_server",
          "feature_server type '"
              + server.type()
              + "' is not supported; one of "
              + String.join(", ", StoreTypes.FEATURE_SERVER_TYPES));
    }
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("type", server.type());
    map.putAll(server.options());
    return map;
  }

  /**
   * {@code materialization}: {@code pull_latest_features} (false) and {@code
   * online_write_batch_size} (positive, unset by default). Feast ignores other keys; we warn.
   */
  static Map<String, Object> materialization(ConfigBlock top) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(PULL_LATEST.name(), false);
    if (!top.has("materialization") || top.value("materialization") == null) {
      return result;
    }
    Node node = top.valueNode("materialization");
    if (!(node instanceof MappingNode mapping)) {
      throw top.error(
          "materialization",
          "materialization must be a mapping, got "
              + ValueKind.describe(top.value("materialization")));
    }
    ConfigBlock section =
        new ConfigBlock(top.context(), "materialization", top.keyNode("materialization"), mapping);
    for (String key : section.keys()) {
      if (!key.equals(PULL_LATEST.name()) && !key.equals(BATCH_SIZE.name())) {
        section.warn(key, "unknown key '" + key + "' in materialization; ignored");
      }
    }
    Object pullLatest = section.read(PULL_LATEST);
    if (pullLatest != null) {
      result.put(PULL_LATEST.name(), pullLatest);
    }
    Object batchSize = section.read(BATCH_SIZE);
    if (batchSize != null) {
      if (((Number) batchSize).longValue() <= 0) {
        throw section.error(
            BATCH_SIZE.name(), "materialization.online_write_batch_size must be greater than 0");
      }
      result.put(BATCH_SIZE.name(), batchSize);
    }
    return result;
  }

  /** A section of our own ({@code server}, {@code materializer}): any mapping, absent = empty. */
  static Map<String, Object> mapping(ConfigBlock top, String key) {
    Object raw = top.value(key);
    if (raw == null) {
      return Map.of();
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw top.error(key, key + " must be a mapping, got " + ValueKind.describe(raw));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> typed = (Map<String, Object>) map;
    return withoutNulls(typed);
  }

  /** Top-level null values dropped: a key set to null reads as unset. */
  static Map<String, Object> withoutNulls(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(k, v);
          }
        });
    return copy;
  }
}
