package dev.featurestore.offlinestore.file;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.offline.SourceColumns;
import dev.featurestore.offlinestore.jdbc.JdbcRowStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The rows of a {@link DuckDbPullQuery}, streamed by DuckDB one batch at a time. The query selects
 * times as epoch microseconds. Owns its connection and closes it when exhausted or closed.
 */
final class DuckDbRowStream extends JdbcRowStream {
  private final Connection connection;
  private final Statement statement;
  private final ResultSet rows;

  DuckDbRowStream(String view, DuckDbPullQuery query, int batchSize, Connection connection)
      throws SQLException {
    super(view, query.columns(), batchSize);
    this.connection = connection;
    this.statement = connection.createStatement();
    this.rows = statement.executeQuery(query.sql());
    read(rows);
  }

  @Override
  protected Object cell(ResultSet rows, SourceColumns.Column column, int index) throws SQLException {
    return rows.getObject(index);
  }

  @Override
  protected Timestamp time(ResultSet rows, int index) throws SQLException {
    long epochMicros = rows.getLong(index);
    if (rows.wasNull()) {
      return Timestamp.getDefaultInstance();
    }
    return Timestamp.newBuilder()
        .setSeconds(Math.floorDiv(epochMicros, 1_000_000L))
        .setNanos((int) Math.floorMod(epochMicros, 1_000_000L) * 1_000)
        .build();
  }

  @Override
  protected FeatureStoreException unavailable(SQLException e) {
    return new FeatureStoreException(ErrorCode.OFFLINE_STORE_UNAVAILABLE,
        "reading the source of feature view '" + view + "' failed: " + e.getMessage(), e);
  }

  @Override
  protected void release() {
    try (connection;
        statement;
        rows) {
      // closed in reverse order by try-with-resources
    } catch (SQLException e) {
      // Nothing to do: the rows were read or abandoned, and the in-memory database goes with it.
    }
  }
}
