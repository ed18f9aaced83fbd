package dev.featurestore.offlinestore.file;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.offline.HistoricalFeatureView;
import dev.featurestore.core.offline.HistoricalRetrievalRequest;
import dev.featurestore.core.offline.HistoricalRetrievalResult;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.offline.SourceColumns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code file} (Feast's {@code dask}) and {@code duckdb} offline stores: Parquet
 * {@code FileSource}s queried by an in-memory DuckDB, which does the filtering and picks the
 * latest rows, as Feast's {@code duckdb.py} does through Ibis. Each call opens its own in-memory
 * database, so the store is thread-safe and holds nothing between calls. Sessions run in UTC, so a
 * timestamp column without a zone is read as UTC, as Feast reads it.
 *
 * <p>Historical retrieval loads the entity rows into a temporary DuckDB table, joins there (see
 * {@link DuckDbHistoricalQuery}) and lets DuckDB write the Parquet output with {@code COPY}: no
 * entity or feature row passes through Java. DuckDB spills to disk beyond its memory limit.
 */
public final class DuckDbOfflineStore implements OfflineStore {

  private final RepoConfig config;

  public DuckDbOfflineStore(RepoConfig config) {
    this.config = requireNonNull(config, "config is null");
  }

  @Override
  public void checkPull(PullLatestRequest request) {
    try (Connection connection = open()) {
      plan(request, connection);
    } catch (SQLException e) {
      throw unavailable(request, e);
    }
  }

  @Override
  public OfflineRowStream pullLatest(PullLatestRequest request) {
    Connection connection = null;
    try {
      connection = open();
      DuckDbPullQuery query = plan(request, connection);
      return new DuckDbRowStream(request.view().name(), query, request.batchSize(), connection);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw unavailable(request, e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  @Override
  public HistoricalRetrievalResult getHistoricalFeatures(HistoricalRetrievalRequest request) {
    Path output = request.output().toAbsolutePath();
    Path partial = output.resolveSibling(output.getFileName() + ".partial");
    try (Connection connection = open()) {
      DuckDbEntityTable entities = DuckDbEntityTable.load(connection, request.entities());
      List<DuckDbHistoricalQuery.ViewSource> sources = new ArrayList<>();
      for (HistoricalFeatureView view : request.views()) {
        ParquetLocation location = ParquetLocation.of(SourceColumns.batchSource(view.view()), config);
        sources.add(
            new DuckDbHistoricalQuery.ViewSource(view, location, describe(connection, location)));
      }
      DuckDbHistoricalQuery query =
          DuckDbHistoricalQuery.plan(request, entities, sources, timeRange(connection, entities));
      Files.createDirectories(output.getParent());
      long rows;
      try (Statement statement = connection.createStatement()) {
        rows = statement.executeUpdate(query.copyTo(partial.toString()));
      }
      // Written aside and moved, so a failed run never leaves half a file under the real name.
      Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
      return new HistoricalRetrievalResult(rows, query.outputColumns(), output);
    } catch (SQLException e) {
      deleteQuietly(partial);
      throw retrievalFailed(e);
    } catch (IOException e) {
      deleteQuietly(partial);
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    }
  }

  private static Optional<DuckDbHistoricalQuery.TimeRange> timeRange(
      Connection connection, DuckDbEntityTable entities) throws SQLException {
    String column = "CAST(" + DuckDbSql.identifier(entities.eventTimestampColumn())
        + " AS TIMESTAMPTZ)";
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT epoch_us(min(" + column + ")), epoch_us(max(" + column + ")) FROM "
                + DuckDbEntityTable.TABLE)) {
      rows.next();
      long min = rows.getLong(1);
      if (rows.wasNull()) {
        return Optional.empty();
      }
      return Optional.of(
          new DuckDbHistoricalQuery.TimeRange(instant(min), instant(rows.getLong(2))));
    } catch (SQLException e) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_ARGUMENT,
          "the entity column " + entities.eventTimestampColumn()
              + " does not hold timestamps: " + e.getMessage(),
          e);
    }
  }

  private static Instant instant(long epochMicros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1_000L);
  }

  private static FeatureStoreException retrievalFailed(SQLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    // A key that cannot take the source key's type is the caller's data, not an outage.
    if (message.contains("Conversion Error")) {
      return new FeatureStoreException(
          ErrorCode.INVALID_ARGUMENT,
          "an entity column does not fit the type of the source column it is joined with: "
              + message,
          e);
    }
    return new FeatureStoreException(
        ErrorCode.OFFLINE_STORE_UNAVAILABLE,
        "DuckDB could not run the historical retrieval: " + message,
        e);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the original error is the one to report
    }
  }

  private DuckDbPullQuery plan(PullLatestRequest request, Connection connection)
      throws SQLException {
    SourceColumns columns = SourceColumns.of(request);
    ParquetLocation location = ParquetLocation.of(columns.source(), config);
    return DuckDbPullQuery.plan(request, columns, location, describe(connection, location));
  }

  private static Map<String, String> describe(Connection connection, ParquetLocation location)
      throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("DESCRIBE SELECT * FROM " + location.readExpression())) {
      while (rows.next()) {
        types.put(rows.getString("column_name"), rows.getString("column_type"));
      }
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().contains("No files found")) {
        throw new FeatureStoreException(
            ErrorCode.DATA_SOURCE_NOT_FOUND,
            "no Parquet files at '" + location.shown() + "' (source '" + location.sourceName()
                + "')",
            e);
      }
      throw e;
    }
    return types;
  }

  private static Connection open() throws SQLException {
    Properties properties = new Properties();
    // Stream the result to the JDBC reader instead of materialising it before the first fetch.
    properties.setProperty("jdbc_stream_results", "true");
    Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  private static FeatureStoreException unavailable(PullLatestRequest request, SQLException e) {
    return new FeatureStoreException(
        ErrorCode.OFFLINE_STORE_UNAVAILABLE,
        "DuckDB could not read the source of feature view '" + request.view().name() + "': "
            + e.getMessage(),
        e);
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // already failing; the original error is the one to report
    }
  }

  @Override
  public void close() {
    // Nothing is held between calls.
  }
}
