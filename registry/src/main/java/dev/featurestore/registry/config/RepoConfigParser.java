package dev.featurestore.registry.config;

import static dev.featurestore.registry.config.ValueKind.BOOL;
import static dev.featurestore.registry.config.ValueKind.STRICT_INT;
import static dev.featurestore.registry.config.ValueKind.STRING;

import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns the composed top-level mapping of feature_store.yaml into a {@link RepoConfig}, following
 * Feast's {@code RepoConfig} in {@code repo_config.py}: unknown top-level keys are only warned
 * about (Feast allows them), the store blocks are checked strictly.
 */
final class RepoConfigParser {

  /** Feast's top-level keys (aliases as written in YAML) plus this project's sections. */
  private static final Set<String> KNOWN_KEYS =
      Set.of(
          "project",
          "project_description",
          "provider",
          "registry",
          "online_store",
          "offline_store",
          "batch_engine",
          "batch_engine_config",
          "feature_server",
          "embedding_model",
          "flags",
          "repo_path",
          "entity_key_serialization_version",
          "coerce_tz_aware",
          "materialization",
          "openlineage",
          "mlflow",
          "data_quality_monitoring",
          "auth",
          "server",
          "materializer");

  private static final KeySpec PROJECT = KeySpec.required("project", STRING);
  private static final KeySpec PROJECT_DESCRIPTION = KeySpec.of("project_description", STRING);
  private static final KeySpec PROVIDER = KeySpec.of("provider", STRING, "local");
  private static final KeySpec KEY_VERSION =
      KeySpec.of("entity_key_serialization_version", STRICT_INT);
  private static final KeySpec COERCE_TZ_AWARE = KeySpec.of("coerce_tz_aware", BOOL);

  /**
   * Feast's {@code is_valid_name}: word characters and hyphens, not leading {@code _} or {@code -}.
   */
  private static final Pattern PROJECT_NAME =
      Pattern.compile("[\\w&&[^_]][\\w-]*", Pattern.UNICODE_CHARACTER_CLASS);

  private final ConfigContext context;

  RepoConfigParser(ConfigContext context) {
    this.context = context;
  }

  RepoConfig parse(Node root, Path repoPath) {
    if (!(root instanceof MappingNode mapping)) {
      throw context.error(
          root, context.fileName() + " must be a mapping of settings, got a " + root.getNodeId());
    }
    ConfigBlock top = new ConfigBlock(context, "", root, mapping);
    warnAboutUnknownKeys(top);
    String project = (String) top.read(PROJECT);
    RegistryConfig registry = new RegistryConfigParser().parse(top);
    StoreConfig onlineStore = StoreConfigParser.online().parse(top);
    checkProjectName(top, project, onlineStore);
    StoreConfig offlineStore = StoreConfigParser.offline().parse(top);
    StoreConfig batchEngine =
        StoreConfigParser.batchEngine(
                top.has("batch_engine") || !top.has("batch_engine_config")
                    ? "batch_engine"
                    : "batch_engine_config")
            .parse(top);
    int keyVersion = entityKeySerializationVersion(top);
    Object coerceTzAware = top.read(COERCE_TZ_AWARE);
    return new RepoConfig(
        project,
        Optional.ofNullable((String) top.read(PROJECT_DESCRIPTION)),
        (String) Optional.ofNullable(top.read(PROVIDER)).orElse(PROVIDER.defaultValue()),
        registry,
        onlineStore,
        offlineStore,
        batchEngine,
        keyVersion,
        // Feast keeps an explicit null, which then reads as false
        top.has(COERCE_TZ_AWARE.name()) ? Boolean.TRUE.equals(coerceTzAware) : true,
        FeastSections.materialization(top),
        FeastSections.featureServer(top),
        FeastSections.auth(top),
        FeastSections.mapping(top, "server"),
        FeastSections.mapping(top, "materializer"),
        repoPath,
        context.warnings());
  }

  private void warnAboutUnknownKeys(ConfigBlock top) {
    for (String key : top.keys()) {
      if (!KNOWN_KEYS.contains(key)) {
        top.warn(key, "unknown top-level key '" + key + "'; ignored");
      }
    }
    if (top.has("flags")) {
      top.warn("flags", "flags are no longer used by Feast; ignored");
    }
    if (top.has("batch_engine") && top.has("batch_engine_config")) {
      top.warn("batch_engine_config", "batch_engine_config is ignored when batch_engine is set");
    }
  }

  private void checkProjectName(ConfigBlock top, String project, StoreConfig onlineStore) {
    if (!PROJECT_NAME.matcher(project).matches()) {
      throw top.error(
          "project",
          "project name '"
              + project
              + "' must contain only letters, digits, underscores and hyphens, and must not"
              + " start with an underscore or a hyphen");
    }
    // Feast's intent: SQLite table names embed the project. (Its validator cannot see the online
    // store, so Feast 0.66 in fact rejects hyphens with every online store.)
    if (project.contains("-") && onlineStore.type().equals("sqlite")) {
      throw top.error(
          "project",
          "project name '" + project + "' must not contain hyphens with the sqlite online store");
    }
  }

  private int entityKeySerializationVersion(ConfigBlock top) {
    Object value = top.read(KEY_VERSION);
    if (value == null) {
      return RepoConfig.DEFAULT_ENTITY_KEY_SERIALIZATION_VERSION;
    }
    Number version = (Number) value;
    if (version.longValue() == 1 || version.longValue() == 2) {
      top.warn(
          KEY_VERSION.name(),
          "entity_key_serialization_version "
              + version
              + " is deprecated; version 3 is recommended (changing it means rewriting the online"
              + " store)");
      return version.intValue();
    }
    if (version.longValue() != 3) {
      throw top.error(
          KEY_VERSION.name(), "entity_key_serialization_version must be 1, 2 or 3, got " + version);
    }
    return 3;
  }
}
