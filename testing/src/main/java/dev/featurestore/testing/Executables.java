package dev.featurestore.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the server binaries the harness runs, with an install hint when one is missing. */
final class Executables {
  static final String POSTGRES_HINT = "install postgresql: apt-get install postgresql";
  static final String REDIS_HINT = "install redis: apt-get install redis-server";

  /** Overrides the folder holding initdb and postgres, e.g. /usr/lib/postgresql/16/bin. */
  static final String POSTGRES_BIN_ENV = "FEATURESTORE_TEST_PG_BIN";

  private static final Path DEBIAN_POSTGRES_ROOT = Path.of("/usr/lib/postgresql");
  private static final List<Path> SYSTEM_DIRS =
      List.of(Path.of("/usr/sbin"), Path.of("/sbin"), Path.of("/usr/bin"), Path.of("/bin"));

  private Executables() {}

  /** Finds {@code name} on PATH, then in the usual system folders (root's PATH may lack them). */
  static Path require(String name, String installHint) {
    return onPath(name)
        .or(() -> inDirs(name, SYSTEM_DIRS))
        .orElseThrow(() -> missing(name, installHint));
  }

  /**
   * The folder holding PostgreSQL's server binaries (initdb, postgres): the override variable, then
   * PATH (following Debian's /usr/local/bin symlinks so both come from one version), then the
   * highest version under /usr/lib/postgresql.
   */
  static Path postgresBinDir() {
    String override = System.getenv(POSTGRES_BIN_ENV);
    if (override != null && !override.isBlank()) {
      Path dir = Path.of(override);
      if (isExecutable(dir.resolve("initdb")) && isExecutable(dir.resolve("postgres"))) {
        return dir;
      }
      throw new IllegalStateException(
          POSTGRES_BIN_ENV + "=" + override + " holds no initdb and postgres; " + POSTGRES_HINT);
    }
    Optional<Path> fromPath = onPath("initdb").map(Executables::realPath).map(Path::getParent);
    if (fromPath.isPresent() && isExecutable(fromPath.get().resolve("postgres"))) {
      return fromPath.get();
    }
    return newestDebianBinDir()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "initdb and postgres not found on PATH nor in "
                        + DEBIAN_POSTGRES_ROOT
                        + "/*/bin; "
                        + POSTGRES_HINT));
  }

  private static Optional<Path> newestDebianBinDir() {
    if (!Files.isDirectory(DEBIAN_POSTGRES_ROOT)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(DEBIAN_POSTGRES_ROOT)) {
      return versions
          .filter(dir -> dir.getFileName().toString().matches("\\d+(\\.\\d+)?"))
          .map(dir -> dir.resolve("bin"))
          .filter(
              bin -> isExecutable(bin.resolve("initdb")) && isExecutable(bin.resolve("postgres")))
          .max(Comparator.comparingDouble(bin -> Double.parseDouble(versionOf(bin))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String versionOf(Path binDir) {
    return binDir.getParent().getFileName().toString();
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return inDirs(
        name,
        Stream.of(path.split(File.pathSeparator))
            .filter(entry -> !entry.isEmpty())
            .map(Path::of)
            .toList());
  }

  private static Optional<Path> inDirs(String name, List<Path> dirs) {
    return dirs.stream()
        .map(dir -> dir.resolve(name))
        .filter(Executables::isExecutable)
        .findFirst();
  }

  private static boolean isExecutable(Path file) {
    return Files.isRegularFile(file) && Files.isExecutable(file);
  }

  private static Path realPath(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      return file;
    }
  }

  private static IllegalStateException missing(String what, String installHint) {
    return new IllegalStateException(what + " not found on PATH; " + installHint);
  }
}
