package dev.featurestore.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The local PostgreSQL binaries plus one freshly initialised data folder per JVM, which every
 * {@link TestingPostgresServer} copies instead of running initdb again (a copy takes a fraction of
 * initdb's second or two).
 */
final class PostgresInstallation implements AutoCloseable {
  static final String SUPERUSER = "postgres";

  private static PostgresInstallation instance;

  private final Path binDir;
  private final String runAsUser;
  private final Path root;
  private final Path templateData;

  private PostgresInstallation(Path binDir, String runAsUser, Path root, Path templateData) {
    this.binDir = binDir;
    this.runAsUser = runAsUser;
    this.root = root;
    this.templateData = templateData;
  }

  static synchronized PostgresInstallation get() {
    if (instance == null) {
      instance = initialise();
      Cleanup.register(instance);
    }
    return instance;
  }

  /** PostgreSQL refuses to run as root, so as root we run it as the postgres user. */
  String runAsUser() {
    return runAsUser;
  }

  Path postgres() {
    return binDir.resolve("postgres");
  }

  /** Copies the template into {@code target}, which must not exist yet; ownership is kept. */
  void copyTemplateTo(Path target) {
    ServerProcess.runToCompletion(
        List.of("cp", "-a", templateData.toString(), target.toString()),
        null,
        target.getParent(),
        Duration.ofSeconds(60));
  }

  @Override
  public void close() {
    TempDirs.deleteRecursively(root);
  }

  private static PostgresInstallation initialise() {
    Path binDir = Executables.postgresBinDir();
    String runAs = TempDirs.isRoot() ? SUPERUSER : null;
    if (runAs != null && !TempDirs.userExists(runAs)) {
      throw new IllegalStateException(
          "running as root needs the "
              + runAs
              + " user to start PostgreSQL; "
              + Executables.POSTGRES_HINT);
    }
    Path root = TempDirs.createRoot("pg-template");
    try {
      Path data = TempDirs.createPrivateDir(root.resolve("data"), runAs);
      ServerProcess.runToCompletion(
          List.of(
              binDir.resolve("initdb").toString(),
              "--pgdata=" + data,
              "--username=" + SUPERUSER,
              "--auth=trust",
              "--encoding=UTF8",
              "--locale=C",
              "--no-sync",
              "--no-instructions"),
          runAs,
          root,
          Duration.ofSeconds(120));
      return new PostgresInstallation(binDir, runAs, root, data);
    } catch (RuntimeException e) {
      TempDirs.deleteRecursively(root);
      throw e;
    }
  }
}
