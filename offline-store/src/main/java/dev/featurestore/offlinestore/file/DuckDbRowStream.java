package dev.featurestore.offlinestore.file;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.FeatureValues;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.SourceColumns;
import dev.featurestore.core.online.OnlineWriteRow;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the rows of a {@link DuckDbPullQuery} into {@link OnlineWriteRow}s, one batch at a time,
 * while DuckDB streams the result. Owns its connection and closes it when exhausted or closed.
 */
final class DuckDbRowStream implements OfflineRowStream {

  private static final EntityKey DUMMY_KEY =
      EntityKey.newBuilder()
          .addJoinKeys(SourceColumns.DUMMY_JOIN_KEY)
          .addEntityValues(Value.newBuilder().setStringVal(""))
          .build();

  private final String view;
  private final SourceColumns columns;
  private final int batchSize;
  private final Connection connection;
  private final Statement statement;
  private final ResultSet rows;
  private boolean closed;

  DuckDbRowStream(
      String view, DuckDbPullQuery query, int batchSize, Connection connection)
      throws SQLException {
    this.view = view;
    this.columns = query.columns();
    this.batchSize = batchSize;
    this.connection = connection;
    this.statement = connection.createStatement();
    this.rows = statement.executeQuery(query.sql());
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
      throw new FeatureStoreException(
          ErrorCode.OFFLINE_STORE_UNAVAILABLE,
          "reading the source of feature view '" + view + "' failed: " + e.getMessage(), e);
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
        Value value = value(joinKey, rows.getObject(index++));
        if (value.getValCase() == Value.ValCase.VAL_NOT_SET) {
          throw new FeatureStoreException(
              ErrorCode.INVALID_DEFINITION,
              "feature view '" + view + "': join key column '" + joinKey.sourceName()
                  + "' holds a null; every row needs a key");
        }
        builder.addJoinKeys(joinKey.field().name()).addEntityValues(value);
      }
      key = builder.build();
    }
    Map<String, Value> values = new HashMap<>();
    for (SourceColumns.Column feature : columns.features()) {
      values.put(feature.field().name(), value(feature, rows.getObject(index++)));
    }
    Timestamp event = timestamp(rows.getLong(index++));
    Timestamp created = Timestamp.getDefaultInstance();
    if (columns.createdColumn().isPresent()) {
      long micros = rows.getLong(index);
      created = rows.wasNull() ? created : timestamp(micros);
    }
    return new OnlineWriteRow(key, event, created, values);
  }

  private Value value(SourceColumns.Column column, Object raw) throws SQLException {
    Object plain = raw instanceof Array array ? array.getArray() : raw;
    ValueType type = column.field().dtype().valueType();
    try {
      return FeatureValues.of(plain, type);
    } catch (IllegalArgumentException e) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_DEFINITION,
          "feature view '" + view + "': a value of column '" + column.sourceName() + "' cannot be "
              + column.field().dtype().pythonName() + " ('" + column.field().name() + "'): "
              + e.getMessage(),
          e);
    }
  }

  private static Timestamp timestamp(long epochMicros) {
    return Timestamp.newBuilder()
        .setSeconds(Math.floorDiv(epochMicros, 1_000_000L))
        .setNanos((int) Math.floorMod(epochMicros, 1_000_000L) * 1_000)
        .build();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (connection;
        statement;
        rows) {
      // closed in reverse order by try-with-resources
    } catch (SQLException e) {
      // Nothing to do: the rows were read or abandoned, and the in-memory database goes with it.
    }
  }
}
