package dev.featurestore.core.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code registry:} setting of feature_store.yaml, as Feast reads it: a bare string is a file
 * registry path; a mapping has {@code registry_type} (file, sql, ...) and {@code path} (a file path
 * or an SQLAlchemy URL such as {@code sqlite:///data/registry.db}).
 *
 * <p>The path is kept as written: relative file paths are resolved with {@link
 * RepoConfig#resolve(String)}, and a bare {@code postgresql://} URL is not rewritten (Feast
 * rewrites it to {@code postgresql+psycopg://}, which only matters to SQLAlchemy).
 *
 * @param cacheTtl Feast's {@code cache_ttl_seconds} (600 s by default; zero = never refresh)
 * @param cacheMode {@code sync} (default) or {@code thread}
 * @param enableOnlineFeatureViewVersioning Feast's flag for per-version online tables ({@code
 *     _v<N>})
 * @param readPath sql only: a separate URL for reads
 * @param schemaMode sql only: {@code auto} (default), {@code verify} or {@code skip}
 * @param options the other keys of the mapping with YAML-typed values (e.g. {@code
 *     sqlalchemy_config_kwargs}, {@code thread_pool_executor_worker_count}, a remote registry's
 *     {@code cert}), for the store that understands them
 */
public record RegistryConfig(
    String registryType,
    String path,
    Duration cacheTtl,
    String cacheMode,
    boolean purgeFeastMetadata,
    boolean enableOnlineFeatureViewVersioning,
    Optional<String> readPath,
    String schemaMode,
    Map<String, Object> options) {

  public RegistryConfig {
    requireNonNull(registryType, "registryType is null");
    requireNonNull(path, "path is null");
    cacheTtl = cacheTtl == null ? Duration.ofSeconds(600) : cacheTtl;
    cacheMode = cacheMode == null ? "sync" : cacheMode;
    readPath = readPath == null ? Optional.empty() : readPath;
    schemaMode = schemaMode == null ? "auto" : schemaMode;
    options = Map.copyOf(options == null ? Map.of() : options);
  }

  public RegistryConfig(
      String registryType,
      String path,
      Duration cacheTtl,
      String cacheMode,
      boolean purgeFeastMetadata) {
    this(
        registryType,
        path,
        cacheTtl,
        cacheMode,
        purgeFeastMetadata,
        false,
        Optional.empty(),
        null,
        Map.of());
  }
}
