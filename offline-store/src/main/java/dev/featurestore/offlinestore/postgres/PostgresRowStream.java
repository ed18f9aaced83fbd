package dev.featurestore.offlinestore.postgres;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.offline.SourceColumns;
import dev.featurestore.offlinestore.jdbc.JdbcRowStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The rows of a {@link PostgresPullQuery}, one batch at a time. The query runs in a transaction
 * with a fetch size, so the driver reads it through a server-side cursor {@code batchSize} rows at
 * a time instead of loading the whole result. Owns its connection and releases it (and its permit)
 * when exhausted or closed.
 */
final class PostgresRowStream extends JdbcRowStream {
  private final PostgresPullQuery query;
  private final Connection connection;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final Runnable release;

  PostgresRowStream(String view, PostgresPullQuery query, int batchSize, Connection connection,
      PreparedStatement statement, Runnable release) throws SQLException {
    super(view, query.columns(), batchSize);
    this.query = query;
    this.connection = connection;
    this.statement = statement;
    this.release = release;
    this.rows = statement.executeQuery();
    read(rows);
  }

  @Override
  protected Object cell(ResultSet rows, SourceColumns.Column column, int index) throws SQLException {
    String type = query.type(column.sourceName());
    if (PostgresTypes.isTime(type)) {
      return rows.getObject(index, OffsetDateTime.class);
    }
    return PostgresTypes.readAsText(type) ? rows.getString(index) : rows.getObject(index);
  }

  @Override
  protected Timestamp time(ResultSet rows, int index) throws SQLException {
    OffsetDateTime time = rows.getObject(index, OffsetDateTime.class);
    if (time == null) {
      return Timestamp.getDefaultInstance();
    }
    return Timestamp.newBuilder().setSeconds(time.toEpochSecond()).setNanos(time.getNano()).build();
  }

  @Override
  protected FeatureStoreException unavailable(SQLException e) {
    return PostgresErrors.unavailable(view, e);
  }

  @Override
  protected void release() {
    try {
      // Ending the transaction closes the cursor; rows not read are never sent.
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is closed next either way
    }
    try (connection;
        statement;
        rows) {
      // closed in reverse order by try-with-resources
    } catch (SQLException ignored) {
      // nothing left to do with a connection being thrown away
    } finally {
      release.run();
    }
  }
}
