package dev.featurestore.materializer;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Creates Quartz's PostgreSQL tables with our prefix ({@code fs_qrtz_*}) when they are missing,
 * from the script Quartz ships ({@code org/quartz/impl/jdbcjobstore/tables_postgres.sql}) minus its
 * DROP statements. Runs in one transaction under an advisory lock, so instances starting together
 * create them once.
 */
final class QuartzTables {
  static final String PREFIX = "FS_QRTZ_";
  private static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";
  /** An arbitrary constant naming our advisory lock. */
  private static final long LOCK_ID = 0x6673_7172_747aL;

  private QuartzTables() {}

  static void ensure(JobStoreDatabase database) {
    Properties properties = new Properties();
    database.user().ifPresent(user -> properties.setProperty("user", user));
    database.password().ifPresent(password -> properties.setProperty("password", password));
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), properties)) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_ID + ")");
        if (!exists(statement)) {
          for (String sql : statements()) {
            statement.execute(sql);
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new FeatureStoreException(
          ErrorCode.REGISTRY_UNAVAILABLE,
          "cannot create the Quartz job store tables (" + PREFIX.toLowerCase() + "*) in "
              + database.displayUrl() + ": " + e.getMessage(),
          e);
    }
  }

  private static boolean exists(Statement statement) throws SQLException {
    try (ResultSet rows =
        statement.executeQuery("SELECT to_regclass('" + PREFIX.toLowerCase() + "locks') IS NOT NULL")) {
      rows.next();
      return rows.getBoolean(1);
    }
  }

  /** The script's CREATE statements, with our prefix on every table and index name. */
  static List<String> statements() {
    String script;
    try (InputStream in = QuartzTables.class.getClassLoader().getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " is missing from the Quartz jar");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + SCRIPT, e);
    }
    StringBuilder withoutComments = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.trim().startsWith("--")) {
        withoutComments.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : withoutComments.toString().split(";")) {
      String sql = statement.trim();
      String upper = sql.toUpperCase();
      if (sql.isEmpty() || upper.startsWith("DROP ") || upper.equals("COMMIT")) {
        continue;
      }
      statements.add(sql.replace("QRTZ_", PREFIX));
    }
    return statements;
  }
}
