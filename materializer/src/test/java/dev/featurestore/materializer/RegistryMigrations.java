package dev.featurestore.materializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates {@code fs_materialization_runs} from the registry module's own migration, so the tests
 * run against the schema the registry ships (Maven runs tests in the module folder).
 */
final class RegistryMigrations {
  private static final Path MIGRATIONS =
      Path.of("..", "registry", "src", "main", "resources", "db", "migration");

  private RegistryMigrations() {}

  /** @param dialect {@code sqlite} or {@code postgresql} */
  static void createRunsTable(Connection connection, String dialect) {
    try (Statement statement = connection.createStatement()) {
      String script = Files.readString(MIGRATIONS.resolve(dialect).resolve("V3__materialization_runs.sql"));
      for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
