package dev.featurestore.offlinestore.postgres;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.offline.FeatureValues;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.SourceColumns;
import dev.featurestore.core.online.OnlineWriteRow;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the rows of a {@link PostgresPullQuery} into {@link OnlineWriteRow}s one batch at a time.
 * The query runs in a transaction with a fetch size, so the driver reads it through a server-side
 * cursor {@code batchSize} rows at a time instead of loading the whole result. Owns its connection
 * and releases it (and its permit) when exhausted or closed.
 */
final class PostgresRowStream implements OfflineRowStream {

  private static final EntityKey DUMMY_KEY = EntityKey.newBuilder()
      .addJoinKeys(SourceColumns.DUMMY_JOIN_KEY)
      .addEntityValues(Value.newBuilder().setStringVal(""))
      .build();

  private final String view;
  private final PostgresPullQuery query;
  private final SourceColumns columns;
  private final int batchSize;
  private final Connection connection;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final Runnable release;
  private boolean closed;

  PostgresRowStream(String view, PostgresPullQuery query, int batchSize, Connection connection,
      PreparedStatement statement, Runnable release) throws SQLException {
    this.view = view;
    this.query = query;
    this.columns = query.columns();
    this.batchSize = batchSize;
    this.connection = connection;
    this.statement = statement;
    this.release = release;
    this.rows = statement.executeQuery();
  }

  @Override
  public List<OnlineWriteRow> nextBatch() {
    if (closed) {
      return List.of();
    }
    List<OnlineWriteRow> batch = new ArrayList<>(batchSize);
    try {
      while (batch.size() < batchSize && rows.next()) {
        batch.add(row());
      }
    } catch (SQLException e) {
      close();
      throw PostgresErrors.unavailable(view, e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    if (batch.size() < batchSize) {
      close();
    }
    return batch;
  }

  private OnlineWriteRow row() throws SQLException {
    int index = 1;
    EntityKey key = DUMMY_KEY;
    if (!columns.joinKeys().isEmpty()) {
      EntityKey.Builder builder = EntityKey.newBuilder();
      for (SourceColumns.Column joinKey : columns.joinKeys()) {
        Value value = value(joinKey, index++);
        if (value.getValCase() == Value.ValCase.VAL_NOT_SET) {
          throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
              "feature view '" + view + "': join key column '" + joinKey.sourceName()
                  + "' holds a null; every row needs a key");
        }
        builder.addJoinKeys(joinKey.field().name()).addEntityValues(value);
      }
      key = builder.build();
    }
    Map<String, Value> values = new HashMap<>();
    for (SourceColumns.Column feature : columns.features()) {
      values.put(feature.field().name(), value(feature, index++));
    }
    Timestamp event = timestamp(rows.getObject(index++, OffsetDateTime.class));
    Timestamp created = columns.createdColumn().isPresent()
        ? timestamp(rows.getObject(index, OffsetDateTime.class))
        : Timestamp.getDefaultInstance();
    return new OnlineWriteRow(key, event, created, values);
  }

  private Value value(SourceColumns.Column column, int index) throws SQLException {
    String type = query.type(column.sourceName());
    Object raw;
    if (PostgresTypes.isTime(type)) {
      raw = rows.getObject(index, OffsetDateTime.class);
    } else if (PostgresTypes.readAsText(type)) {
      raw = rows.getString(index);
    } else {
      raw = rows.getObject(index);
    }
    if (raw instanceof Array array) {
      raw = array.getArray();
    }
    try {
      return FeatureValues.of(raw, column.field().dtype().valueType());
    } catch (IllegalArgumentException e) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
          "feature view '" + view + "': a value of column '" + column.sourceName()
              + "' cannot be " + column.field().dtype().pythonName() + " ('"
              + column.field().name() + "'): " + e.getMessage(), e);
    }
  }

  private static Timestamp timestamp(OffsetDateTime time) {
    if (time == null) {
      return Timestamp.getDefaultInstance();
    }
    return Timestamp.newBuilder().setSeconds(time.toEpochSecond()).setNanos(time.getNano()).build();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
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
