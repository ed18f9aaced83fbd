package dev.featurestore.registry.config;

import static dev.featurestore.registry.config.ValueKind.MAP;
import static dev.featurestore.registry.config.ValueKind.STRICT_BOOL;
import static dev.featurestore.registry.config.ValueKind.STRICT_INT;
import static dev.featurestore.registry.config.ValueKind.STRING;

import dev.featurestore.core.config.RegistryConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the {@code registry:} setting following Feast's {@code RegistryConfig} ({@code
 * repo_config.py}) and {@code SqlRegistryConfig} ({@code infra/registry/sql.py}): a bare string is
 * a file registry path; a mapping has {@code registry_type} (default {@code file}) and {@code
 * path}. The type is kept as written; an unknown one is rejected later by the registry factory
 * lookup. Feast tolerates unknown keys here, so for file and sql registries we only warn.
 *
 * <p>Unlike Feast we keep a bare {@code postgresql://} URL as written instead of rewriting it to
 * {@code postgresql+psycopg://}: the rewrite only picks a Python driver.
 */
final class RegistryConfigParser {
  private static final String BLOCK = "registry";

  private static final KeySpec REGISTRY_TYPE = KeySpec.of("registry_type", STRING, "file");
  private static final KeySpec PATH = KeySpec.of("path", STRING, "");
  private static final KeySpec CACHE_TTL = KeySpec.of("cache_ttl_seconds", STRICT_INT, 600);
  private static final KeySpec CACHE_MODE = KeySpec.of("cache_mode", STRING, "sync");
  private static final KeySpec PURGE = KeySpec.of("purge_feast_metadata", STRICT_BOOL, false);
  private static final KeySpec VERSIONING =
      KeySpec.of("enable_online_feature_view_versioning", STRICT_BOOL, false);
  private static final KeySpec READ_PATH = KeySpec.of("read_path", STRING);
  private static final KeySpec SCHEMA_MODE = KeySpec.oneOf("schema_mode", "auto", "verify", "skip");

  private static final List<KeySpec> TYPED =
      List.of(
          REGISTRY_TYPE, PATH, CACHE_TTL, CACHE_MODE, PURGE, VERSIONING, READ_PATH, SCHEMA_MODE);

  /** Keys that go to {@link RegistryConfig#options()}, checked for kind when present. */
  private static final List<KeySpec> OPTIONS =
      List.of(
          KeySpec.of("registry_store_type", STRING),
          KeySpec.of("s3_additional_kwargs", MAP),
          KeySpec.of("mcp", MAP),
          KeySpec.of("sqlalchemy_config_kwargs", MAP),
          KeySpec.of("thread_pool_executor_worker_count", STRICT_INT));

  private static final Set<String> SQL_ONLY =
      Set.of(
          "read_path",
          "schema_mode",
          "sqlalchemy_config_kwargs",
          "thread_pool_executor_worker_count");

  /** Types whose keys we know well enough to warn about the others. */
  private static final Set<String> CHECKED_TYPES = Set.of("file", "sql");

  /** Types that cannot work without a path (a file, a database URL, a server URL). */
  private static final Set<String> PATH_REQUIRED = Set.of("file", "sql", "remote");

  RegistryConfig parse(ConfigBlock top) {
    if (!top.has(BLOCK)) {
      throw top.context()
          .error(top.anchor(), "missing required key 'registry' (a file path or a mapping)");
    }
    Object raw = top.value(BLOCK);
    if (raw instanceof String path) {
      if (path.isBlank()) {
        throw top.error(BLOCK, "registry path is empty");
      }
      return new RegistryConfig("file", path, null, null, false);
    }
    Node valueNode = top.valueNode(BLOCK);
    if (!(valueNode instanceof MappingNode mapping)) {
      throw top.error(
          BLOCK, "registry must be a file path or a mapping, got " + ValueKind.describe(raw));
    }
    return parseMapping(new ConfigBlock(top.context(), BLOCK, top.keyNode(BLOCK), mapping));
  }

  private RegistryConfig parseMapping(ConfigBlock section) {
    String type = (String) orDefault(section, REGISTRY_TYPE);
    String path = (String) orDefault(section, PATH);
    if (path.isBlank() && PATH_REQUIRED.contains(type)) {
      throw section
          .context()
          .error(section.anchor(), "registry.path is required for registry_type " + type);
    }
    int ttlSeconds = ((Number) orDefault(section, CACHE_TTL)).intValue();
    if (ttlSeconds < 0) {
      throw section.error("cache_ttl_seconds", "registry.cache_ttl_seconds must not be negative");
    }
    String cacheMode = (String) orDefault(section, CACHE_MODE);
    if (!cacheMode.equals("sync") && !cacheMode.equals("thread")) {
      section.warn(
          "cache_mode",
          "registry.cache_mode '"
              + cacheMode
              + "' is neither sync nor thread; Feast neither "
              + "refreshes after writes nor refreshes in the background with it");
    }
    checkKeys(section, type);
    return new RegistryConfig(
        type,
        path,
        Duration.ofSeconds(ttlSeconds),
        cacheMode,
        (Boolean) orDefault(section, PURGE),
        (Boolean) orDefault(section, VERSIONING),
        Optional.ofNullable((String) section.read(READ_PATH)),
        (String) orDefault(section, SCHEMA_MODE),
        options(section));
  }

  private void checkKeys(ConfigBlock section, String type) {
    if (!CHECKED_TYPES.contains(type)) {
      return;
    }
    for (String key : section.keys()) {
      if (SQL_ONLY.contains(key) && !type.equals("sql")) {
        section.warn(key, "registry." + key + " applies only to registry_type sql; ignored");
      } else if (!isKnown(key)) {
        section.warn(key, "unknown key '" + key + "' in registry; ignored");
      }
    }
  }

  private static boolean isKnown(String key) {
    return isTyped(key) || OPTIONS.stream().anyMatch(spec -> spec.name().equals(key));
  }

  /** Everything but the typed keys, checked where we know the kind. */
  private static Map<String, Object> options(ConfigBlock section) {
    Map<String, Object> options = new LinkedHashMap<>();
    for (String key : section.keys()) {
      if (isTyped(key)) {
        continue;
      }
      Optional<KeySpec> spec = OPTIONS.stream().filter(s -> s.name().equals(key)).findFirst();
      Object value = spec.isPresent() ? section.read(spec.get()) : section.value(key);
      if (value != null) {
        options.put(key, value);
      }
    }
    return options;
  }

  private static boolean isTyped(String key) {
    return TYPED.stream().anyMatch(spec -> spec.name().equals(key));
  }

  private static Object orDefault(ConfigBlock section, KeySpec spec) {
    Object value = section.read(spec);
    return value == null ? spec.defaultValue() : value;
  }
}
