package dev.featurestore.core.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The {@code registry:} setting of feature_store.yaml, as Feast reads it: a bare string is a file
 * registry path; a mapping has {@code registry_type} (file, sql, ...) and {@code path} (a file path
 * or an SQLAlchemy URL such as {@code sqlite:///data/registry.db}).
 *
 * @param cacheTtl Feast's {@code cache_ttl_seconds} (600 s by default; zero = never refresh)
 */
public record RegistryConfig(
    String registryType,
    String path,
    Duration cacheTtl,
    String cacheMode,
    boolean purgeFeastMetadata) {
  public RegistryConfig {
    requireNonNull(registryType, "registryType is null");
    requireNonNull(path, "path is null");
    cacheTtl = cacheTtl == null ? Duration.ofSeconds(600) : cacheTtl;
    cacheMode = cacheMode == null ? "sync" : cacheMode;
  }
}
