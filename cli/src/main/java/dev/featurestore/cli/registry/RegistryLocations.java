package dev.featurestore.cli.registry;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.registry.sql.SqlAlchemyUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Checks on migration endpoints made before anything is opened (opening creates empty storage). */
final class RegistryLocations {
  private RegistryLocations() {}

  /** Refuses to copy a registry onto itself. */
  static void checkDistinct(RegistryLocation source, RegistryLocation target) {
    if (identity(source).equals(identity(target))) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_ARGUMENT, "--from and --to name the same registry: " + source.displayName());
    }
  }

  /**
   * A local registry (SQLite or file) must exist: opening a missing one would create it empty and
   * "migrate" nothing without a word. A server database is checked by connecting.
   */
  static void checkExists(RegistryLocation location, String role) {
    Optional<Path> file = localFile(location);
    if (file.isPresent() && !Files.isRegularFile(file.get())) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_ARGUMENT, role + " registry " + location.displayName() + " does not exist (" + file.get() + ")");
    }
  }

  private static String identity(RegistryLocation location) {
    return localFile(location).map(Path::toString)
        .orElseGet(() -> SqlAlchemyUrl.parse(location.path(), location.baseDir()).jdbcUrl());
  }

  private static Optional<Path> localFile(RegistryLocation location) {
    if (location.registryType().equals("file")) {
      return Optional.of(location.baseDir().resolve(location.path()).toAbsolutePath().normalize());
    }
    return SqlAlchemyUrl.parse(location.path(), location.baseDir()).sqliteFile();
  }
}
