package dev.featurestore.offlinestore.postgres;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.offline.SourceColumns;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The {@code postgres} offline store: {@code PostgreSQLSource}s (a table or a query) read over
 * JDBC, as Feast's {@code contrib/postgres_offline_store/postgres.py}. The window filter and the
 * choice of the latest row per entity run inside PostgreSQL ({@link PostgresPullQuery}); results
 * are read through a cursor a batch at a time.
 *
 * <p>Thread-safe: every call opens its own connection, at most {@code max_conn} at once (further
 * calls wait for one to close). Sessions run in UTC, read-only.
 */
public final class PostgresOfflineStore implements OfflineStore {

  private final PostgresOfflineStoreConfig config;
  private final Semaphore connections;

  public PostgresOfflineStore(PostgresOfflineStoreConfig config) {
    this.config = requireNonNull(config, "config is null");
    this.connections = new Semaphore(config.maxConnections(), true);
  }

  @Override
  public void checkPull(PullLatestRequest request) {
    SourceColumns columns = SourceColumns.of(request);
    String fromClause = PostgresPullQuery.fromClause(columns.source());
    Connection connection = open(request);
    try (connection) {
      PostgresPullQuery.plan(request, columns, describe(connection, columns.source(), fromClause));
    } catch (SQLException e) {
      throw PostgresErrors.unavailable(request.view().name(), e);
    } finally {
      connections.release();
    }
  }

  @Override
  public OfflineRowStream pullLatest(PullLatestRequest request) {
    SourceColumns columns = SourceColumns.of(request);
    String fromClause = PostgresPullQuery.fromClause(columns.source());
    Connection connection = null;
    PreparedStatement statement = null;
    try {
      connection = open(request);
      PostgresPullQuery query =
          PostgresPullQuery.plan(request, columns, describe(connection, columns.source(), fromClause));
      statement = connection.prepareStatement(
          query.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      // With autocommit off, a fetch size makes the driver read through a cursor.
      statement.setFetchSize(request.batchSize());
      statement.setObject(1, request.start().atOffset(ZoneOffset.UTC));
      statement.setObject(2, request.end().atOffset(ZoneOffset.UTC));
      return new PostgresRowStream(request.view().name(), query, request.batchSize(), connection,
          statement, connections::release);
    } catch (SQLException e) {
      abandon(connection, statement);
      throw PostgresErrors.unavailable(request.view().name(), e);
    } catch (RuntimeException e) {
      abandon(connection, statement);
      throw e;
    }
  }

  /** Column name to type name of the source, from the metadata of a query that reads no row. */
  private static Map<String, String> describe(
      Connection connection, DataSource source, String fromClause) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT * FROM " + fromClause + " AS a LIMIT 0")) {
      ResultSetMetaData metadata = rows.getMetaData();
      for (int i = 1; i <= metadata.getColumnCount(); i++) {
        types.put(metadata.getColumnName(i), metadata.getColumnTypeName(i));
      }
    } catch (SQLException e) {
      connection.rollback();
      if (PostgresErrors.undefinedTable(e)) {
        throw new FeatureStoreException(ErrorCode.DATA_SOURCE_NOT_FOUND,
            "source '" + source.name() + "' reads " + fromClause
                + ", which does not exist in PostgreSQL: " + e.getMessage(), e);
      }
      if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
        throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
            "source '" + source.name() + "' cannot be read from PostgreSQL: " + e.getMessage(), e);
      }
      throw e;
    }
    return types;
  }

  /** A read-only connection in a transaction; holds a permit the caller releases. */
  private Connection open(PullLatestRequest request) {
    try {
      connections.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FeatureStoreException(ErrorCode.OFFLINE_STORE_UNAVAILABLE,
          "interrupted while waiting for a PostgreSQL connection", e);
    }
    Connection connection = null;
    try {
      connection = DriverManager.getConnection(config.jdbcUrl(), config.connectionProperties());
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      connections.release();
      throw new FeatureStoreException(ErrorCode.OFFLINE_STORE_UNAVAILABLE,
          "cannot connect to PostgreSQL at " + config.host() + ":" + config.port() + "/"
              + config.database() + " for feature view '" + request.view().name() + "': "
              + e.getMessage(), e);
    }
  }

  private void abandon(Connection connection, Statement statement) {
    if (connection == null) {
      return;
    }
    try (connection;
        statement) {
      connection.rollback();
    } catch (SQLException ignored) {
      // already failing; the original error is the one to report
    } finally {
      connections.release();
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // already failing
      }
    }
  }

  @Override
  public void close() {
    // Connections belong to calls and their streams; nothing is held here.
  }
}
