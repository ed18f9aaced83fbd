package dev.featurestore.cli.registry;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.registry.RegistryStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A registry named on the command line, without a feature_store.yaml: an SQLAlchemy URL ({@code
 * sqlite:///rel.db}, {@code sqlite:////abs.db}, {@code postgresql://...}, {@code cockroachdb://...})
 * is Feast's SQL registry; {@code file://path} or a plain path is Feast's file registry. Relative
 * paths resolve against {@code baseDir}, as they would against a repository folder.
 *
 * @param registryType {@code sql} or {@code file}, as feature_store.yaml's {@code registry_type}
 * @param path the registry path as the store's factory expects it
 * @param displayName what messages show: the URL with any password removed
 */
record RegistryLocation(String registryType, String path, Path baseDir, String displayName) {
  private static final List<String> SQL_SCHEMES = List.of("sqlite", "postgresql", "postgres", "cockroachdb");

  RegistryLocation {
    requireNonNull(registryType, "registryType is null");
    requireNonNull(path, "path is null");
    requireNonNull(baseDir, "baseDir is null");
    requireNonNull(displayName, "displayName is null");
  }

  static RegistryLocation parse(String text, Path baseDir) {
    requireNonNull(text, "text is null");
    if (text.isBlank()) {
      throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, "registry location is empty");
    }
    String shown = text.replaceAll("(://[^:/@]*):[^@/]*@", "$1@");
    int schemeEnd = text.indexOf("://");
    if (schemeEnd < 0) {
      return new RegistryLocation("file", text, baseDir, shown);
    }
    String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    String backend = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
    if (SQL_SCHEMES.contains(backend)) {
      return new RegistryLocation("sql", text, baseDir, shown);
    }
    if (scheme.equals("file")) {
      // file:///abs/path keeps its leading slash; file://rel/path is relative.
      return new RegistryLocation("file", text.substring(schemeEnd + 3), baseDir, shown);
    }
    throw new FeatureStoreException(
        ErrorCode.INVALID_ARGUMENT,
        "registry location '" + shown + "' is not supported: use sqlite:///path.db, postgresql://user@host/db,"
            + " cockroachdb://user@host/db, file://path or a plain file path");
  }

  /** Opens the store through the same factories feature_store.yaml uses; the caller closes it. */
  RegistryStore open() {
    return RegistryStores.open(config());
  }

  /** A configuration that names only this registry; the stores never read the other blocks. */
  RepoConfig config() {
    RegistryConfig registry = new RegistryConfig(registryType, path, Duration.ZERO, "sync", false);
    return new RepoConfig(
        "registry_migrate",
        "local",
        registry,
        new StoreConfig("online_store", "sqlite", Map.of()),
        new StoreConfig("offline_store", "file", Map.of()),
        RepoConfig.DEFAULT_ENTITY_KEY_SERIALIZATION_VERSION,
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        baseDir,
        List.of());
  }

  @Override
  public String toString() {
    return displayName + " (" + registryType + " registry)";
  }
}
