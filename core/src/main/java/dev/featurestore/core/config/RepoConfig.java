package dev.featurestore.core.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed feature_store.yaml. Feast's keys are typed; this project's own sections ({@code
 * server:}, {@code materializer:}) are kept as YAML maps for the modules that own them.
 *
 * @param projectDescription Feast's {@code project_description}
 * @param batchEngine Feast's {@code batch_engine} ({@code local} by default), options not checked
 * @param repoPath the repository folder; relative paths in the file are resolved against it
 * @param entityKeySerializationVersion as written, else Feast's current default (3)
 * @param coerceTzAware Feast's {@code coerce_tz_aware} (true by default)
 * @param materialization Feast's {@code materialization:} section with its defaults filled in
 *     ({@code pull_latest_features}, and {@code online_write_batch_size} when set)
 * @param auth Feast's {@code auth:} section; {@code {type: no_auth}} when absent
 * @param warnings problems Feast also only warns about (unknown top-level keys, versions below 3)
 */
public record RepoConfig(
    String project,
    Optional<String> projectDescription,
    String provider,
    RegistryConfig registry,
    StoreConfig onlineStore,
    StoreConfig offlineStore,
    StoreConfig batchEngine,
    int entityKeySerializationVersion,
    boolean coerceTzAware,
    Map<String, Object> materialization,
    Map<String, Object> featureServer,
    Map<String, Object> auth,
    Map<String, Object> server,
    Map<String, Object> materializer,
    Path repoPath,
    List<String> warnings) {

  public static final int DEFAULT_ENTITY_KEY_SERIALIZATION_VERSION = 3;

  public RepoConfig {
    requireNonNull(project, "project is null");
    projectDescription = projectDescription == null ? Optional.empty() : projectDescription;
    provider = provider == null ? "local" : provider;
    requireNonNull(registry, "registry is null");
    requireNonNull(onlineStore, "onlineStore is null");
    requireNonNull(offlineStore, "offlineStore is null");
    batchEngine =
        batchEngine == null ? new StoreConfig("batch_engine", "local", Map.of()) : batchEngine;
    materialization = Map.copyOf(materialization == null ? Map.of() : materialization);
    featureServer = Map.copyOf(featureServer == null ? Map.of() : featureServer);
    auth = Map.copyOf(auth == null ? Map.of() : auth);
    server = Map.copyOf(server == null ? Map.of() : server);
    materializer = Map.copyOf(materializer == null ? Map.of() : materializer);
    requireNonNull(repoPath, "repoPath is null");
    warnings = List.copyOf(warnings == null ? List.of() : warnings);
  }

  /** The shape the first callers used; the newer Feast keys take their defaults. */
  public RepoConfig(
      String project,
      String provider,
      RegistryConfig registry,
      StoreConfig onlineStore,
      StoreConfig offlineStore,
      int entityKeySerializationVersion,
      Map<String, Object> featureServer,
      Map<String, Object> auth,
      Map<String, Object> server,
      Map<String, Object> materializer,
      Path repoPath,
      List<String> warnings) {
    this(
        project,
        Optional.empty(),
        provider,
        registry,
        onlineStore,
        offlineStore,
        null,
        entityKeySerializationVersion,
        true,
        Map.of(),
        featureServer,
        auth,
        server,
        materializer,
        repoPath,
        warnings);
  }

  /** Resolves a path from the file against the repository folder (absolute paths unchanged). */
  public Path resolve(String path) {
    return repoPath.resolve(path).normalize();
  }
}
