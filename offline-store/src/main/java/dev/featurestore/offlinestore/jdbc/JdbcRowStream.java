package dev.featurestore.offlinestore.jdbc;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a JDBC back-end's pull stream that does not depend on the engine: reads a result
 * laid out as {@link SourceColumns} says (join keys, features, event time, then created time if
 * any) into {@link OnlineWriteRow}s, one batch at a time. Subclasses say how a cell and a time are
 * read, how a driver error is reported and what closing releases.
 */
public abstract class JdbcRowStream implements OfflineRowStream {

  private static final EntityKey DUMMY_KEY = EntityKey.newBuilder()
      .addJoinKeys(SourceColumns.DUMMY_JOIN_KEY)
      .addEntityValues(Value.newBuilder().setStringVal(""))
      .build();

  protected final String view;
  private final SourceColumns columns;
  private final int batchSize;
  private ResultSet rows;
  private boolean closed;

  protected JdbcRowStream(String view, SourceColumns columns, int batchSize) {
    this.view = view;
    this.columns = columns;
    this.batchSize = batchSize;
  }

  /** Starts reading; subclasses call it once their statement has run. */
  protected final void read(ResultSet result) {
    this.rows = result;
  }

  /** The cell of {@code column} at {@code index} as the driver gives it (arrays are unwrapped here). */
  protected abstract Object cell(ResultSet rows, SourceColumns.Column column, int index) throws SQLException;

  /** The time at {@code index}, or the default instance for SQL NULL. */
  protected abstract Timestamp time(ResultSet rows, int index) throws SQLException;

  /** How this engine reports a driver failure while reading. */
  protected abstract FeatureStoreException unavailable(SQLException e);

  /** Releases the statement, connection and anything else; called once. */
  protected abstract void release();

  @Override
  public final List<OnlineWriteRow> nextBatch() {
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
      throw unavailable(e);
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
    Timestamp event = time(rows, index++);
    Timestamp created = columns.createdColumn().isPresent() ? time(rows, index) : Timestamp.getDefaultInstance();
    return new OnlineWriteRow(key, event, created, values);
  }

  private Value value(SourceColumns.Column column, int index) throws SQLException {
    Object raw = cell(rows, column, index);
    if (raw instanceof Array array) {
      raw = array.getArray();
    }
    try {
      return FeatureValues.of(raw, column.field().dtype().valueType());
    } catch (IllegalArgumentException e) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
          "feature view '" + view + "': a value of column '" + column.sourceName() + "' cannot be "
              + column.field().dtype().pythonName() + " ('" + column.field().name() + "'): "
              + e.getMessage(), e);
    }
  }

  @Override
  public final void close() {
    if (!closed) {
      closed = true;
      release();
    }
  }
}
