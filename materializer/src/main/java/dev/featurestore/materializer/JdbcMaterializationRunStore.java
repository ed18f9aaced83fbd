package dev.featurestore.materializer;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Job history in the registry database's {@code fs_materialization_runs} table (SQLite or
 * PostgreSQL), with plain JDBC. The registry's Flyway migrations ({@code
 * V3__materialization_runs.sql}) own the table; this class only reads and writes rows. Each call
 * opens and closes one connection from the factory. Times are epoch milliseconds.
 */
public final class JdbcMaterializationRunStore implements MaterializationRunStore {
  static final String TABLE = "fs_materialization_runs";
  private static final int MAX_ERROR_LENGTH = 4_000;
  private static final String COLUMNS =
      "id, project_id, feature_view, started_at, finished_at, window_start, window_end,"
          + " rows_written, status, error, instance";

  private final ConnectionFactory connections;

  public JdbcMaterializationRunStore(ConnectionFactory connections) {
    this.connections = requireNonNull(connections, "connections is null");
  }

  @Override
  public long start(String project, String featureView, Instant startedAt, String instance) {
    String sql = "INSERT INTO " + TABLE
        + " (project_id, feature_view, started_at, rows_written, status, instance)"
        + " VALUES (?, ?, ?, 0, ?, ?)";
    try (Connection connection = connections.open();
        PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, project);
      insert.setString(2, featureView);
      insert.setLong(3, startedAt.toEpochMilli());
      insert.setString(4, RunStatus.RUNNING.name());
      insert.setString(5, instance);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database returned no id for the new run");
        }
        // PostgreSQL returns every column of the row, id first; SQLite just the row id.
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw unavailable("record the start of a run of " + featureView, e);
    }
  }

  @Override
  public void finish(long id, RunOutcome outcome) {
    String sql = "UPDATE " + TABLE + " SET finished_at = ?, window_start = ?, window_end = ?,"
        + " rows_written = ?, status = ?, error = ? WHERE id = ?";
    try (Connection connection = connections.open();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setLong(1, outcome.finishedAt().toEpochMilli());
      setInstant(update, 2, outcome.windowStart());
      setInstant(update, 3, outcome.windowEnd());
      update.setLong(4, outcome.rowsWritten());
      update.setString(5, outcome.status().name());
      Optional<String> error = outcome.error().map(JdbcMaterializationRunStore::truncate);
      if (error.isPresent()) {
        update.setString(6, error.get());
      } else {
        update.setNull(6, Types.VARCHAR);
      }
      update.setLong(7, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw unavailable("record the end of run " + id, e);
    }
  }

  @Override
  public List<MaterializationRun> history(String project, Optional<String> featureView, int limit) {
    String sql = "SELECT " + COLUMNS + " FROM " + TABLE + " WHERE project_id = ?"
        + (featureView.isPresent() ? " AND feature_view = ?" : "")
        + " ORDER BY started_at DESC, id DESC LIMIT ?";
    try (Connection connection = connections.open();
        PreparedStatement select = connection.prepareStatement(sql)) {
      int index = 1;
      select.setString(index++, project);
      if (featureView.isPresent()) {
        select.setString(index++, featureView.get());
      }
      select.setInt(index, Math.max(0, limit));
      return read(select);
    } catch (SQLException e) {
      throw unavailable("read the materialization history", e);
    }
  }

  @Override
  public Optional<MaterializationRun> lastSuccess(String project, String featureView) {
    String sql = "SELECT " + COLUMNS + " FROM " + TABLE
        + " WHERE project_id = ? AND feature_view = ? AND status = ? AND window_end IS NOT NULL"
        + " ORDER BY started_at DESC, id DESC LIMIT 1";
    try (Connection connection = connections.open();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, project);
      select.setString(2, featureView);
      select.setString(3, RunStatus.SUCCEEDED.name());
      return read(select).stream().findFirst();
    } catch (SQLException e) {
      throw unavailable("read the materialization history", e);
    }
  }

  private static List<MaterializationRun> read(PreparedStatement select) throws SQLException {
    List<MaterializationRun> runs = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        runs.add(new MaterializationRun(
            rows.getLong("id"),
            rows.getString("project_id"),
            rows.getString("feature_view"),
            Instant.ofEpochMilli(rows.getLong("started_at")),
            instant(rows, "finished_at"),
            instant(rows, "window_start"),
            instant(rows, "window_end"),
            rows.getLong("rows_written"),
            RunStatus.valueOf(rows.getString("status")),
            Optional.ofNullable(rows.getString("error")),
            rows.getString("instance")));
      }
    }
    return runs;
  }

  private static Optional<Instant> instant(ResultSet rows, String column) throws SQLException {
    long millis = rows.getLong(column);
    return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }

  private static void setInstant(PreparedStatement statement, int index, Optional<Instant> value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setLong(index, value.get().toEpochMilli());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }

  private static String truncate(String error) {
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH) + "...";
  }

  private static FeatureStoreException unavailable(String what, SQLException e) {
    return new FeatureStoreException(
        ErrorCode.REGISTRY_UNAVAILABLE,
        "cannot " + what + " in " + TABLE + " (is the registry schema up to date? apply migrates it): "
            + e.getMessage(),
        e);
  }
}
