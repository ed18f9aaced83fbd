package dev.featurestore.registry.sql;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The connection side of the SQL registry: a small Hikari pool (one connection for SQLite, which
 * allows one writer anyway; WAL mode and a busy timeout so other processes can read meanwhile),
 * schema migration, and transactions that translate driver failures into {@link
 * FeatureStoreException}s.
 *
 * <p>Schema: Flyway applies {@code db/migration/sqlite} or {@code db/migration/postgresql},
 * recording itself in {@code fs_schema_history} (never a Feast name). Every script uses {@code IF
 * NOT EXISTS}, and Flyway baselines a non-empty database at version 0 ({@code baselineOnMigrate}),
 * so a registry Feast created first keeps its tables and rows and simply gains ours; and Feast,
 * whose {@code create_all} also skips existing tables, can open a registry we created.
 */
final class SqlRegistryDatabase implements AutoCloseable {

  static final String SCHEMA_HISTORY_TABLE = "fs_schema_history";

  static {
    // jOOQ prints a banner and tips on first use; nothing a CLI user should see.
    if (System.getProperty("org.jooq.no-logo") == null) {
      System.setProperty("org.jooq.no-logo", "true");
    }
    if (System.getProperty("org.jooq.no-tips") == null) {
      System.setProperty("org.jooq.no-tips", "true");
    }
  }

  private final SqlAlchemyUrl url;
  private final HikariDataSource dataSource;
  private final Settings settings = new Settings().withRenderSchema(false).withExecuteLogging(false);

  SqlRegistryDatabase(SqlAlchemyUrl url) {
    this.url = requireNonNull(url, "url is null");
    url.sqliteFile().ifPresent(SqlRegistryDatabase::createParentFolder);
    migrate();
    this.dataSource = new HikariDataSource(poolConfig(url));
  }

  SqlAlchemyUrl url() {
    return url;
  }

  SQLDialect dialect() {
    return url.dialect();
  }

  /**
   * Runs {@code work} in one transaction and commits; rolls back if it throws. A read-only
   * transaction on PostgreSQL runs at REPEATABLE READ so several SELECTs see one snapshot (SQLite
   * transactions are serializable already).
   */
  <T> T transaction(boolean readOnly, Function<DSLContext, T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      if (readOnly && url.dialect() == SQLDialect.POSTGRES) {
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      }
      try {
        T result = work.apply(DSL.using(connection, url.dialect(), settings));
        connection.commit();
        return result;
      } catch (RuntimeException | Error e) {
        rollbackQuietly(connection, e);
        throw e;
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(url.displayUrl(), e);
    } catch (DataAccessException e) {
      throw SqlErrors.translate(url.displayUrl(), e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private void migrate() {
    try {
      Flyway.configure(SqlRegistryDatabase.class.getClassLoader())
          .dataSource(url.jdbcUrl(), url.user().orElse(null), url.password().orElse(null))
          .locations("classpath:db/migration/" + (url.dialect() == SQLDialect.SQLITE ? "sqlite" : "postgresql"))
          .table(SCHEMA_HISTORY_TABLE)
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .baselineDescription("existing database (possibly a Feast registry)")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw SqlErrors.translate(url.displayUrl(), e);
    }
  }

  private static HikariConfig poolConfig(SqlAlchemyUrl url) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("featurestore-registry");
    config.setJdbcUrl(url.jdbcUrl());
    url.user().ifPresent(config::setUsername);
    url.password().ifPresent(config::setPassword);
    config.setAutoCommit(true);
    config.setConnectionTimeout(10_000);
    // The schema check above already proved the database reachable; later outages surface per call.
    config.setInitializationFailTimeout(-1);
    if (url.dialect() == SQLDialect.SQLITE) {
      config.setMaximumPoolSize(1);
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("busy_timeout", "10000");
    } else {
      config.setMaximumPoolSize(4);
      config.setMinimumIdle(1);
    }
    return config;
  }

  private static void createParentFolder(Path file) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new FeatureStoreException(
          ErrorCode.REGISTRY_UNAVAILABLE, "cannot create the folder of registry database " + file + ": " + e, e);
    }
  }

  private static void rollbackQuietly(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
