package dev.featurestore.offlinestore.bigquery;

import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValueList;
import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.offline.FeatureValues;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.SourceColumns;
import dev.featurestore.core.online.OnlineWriteRow;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns the rows of a finished {@link BigQueryPullQuery} into {@link OnlineWriteRow}s one batch at
 * a time. The client's row iterator fetches result pages as they are reached, so at most one page
 * plus one batch is held in memory.
 */
final class BigQueryRowStream implements OfflineRowStream {

  private static final EntityKey DUMMY_KEY = EntityKey.newBuilder()
      .addJoinKeys(SourceColumns.DUMMY_JOIN_KEY)
      .addEntityValues(Value.newBuilder().setStringVal(""))
      .build();

  private final String view;
  private final SourceColumns columns;
  private final List<Field> fields;
  private final int batchSize;
  private final Iterator<FieldValueList> rows;
  private boolean closed;

  BigQueryRowStream(String view, BigQueryPullQuery query, int batchSize,
      Iterator<FieldValueList> rows) {
    this.view = view;
    this.columns = query.columns();
    this.fields = query.resultFields();
    this.batchSize = batchSize;
    this.rows = rows;
  }

  @Override
  public List<OnlineWriteRow> nextBatch() {
    if (closed) {
      return List.of();
    }
    List<OnlineWriteRow> batch = new ArrayList<>(batchSize);
    try {
      while (batch.size() < batchSize && rows.hasNext()) {
        batch.add(row(rows.next()));
      }
    } catch (BigQueryException e) {
      close();
      throw BigQueryErrors.failure(view, e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    if (batch.size() < batchSize) {
      close();
    }
    return batch;
  }

  private OnlineWriteRow row(FieldValueList row) {
    int index = 0;
    EntityKey key = DUMMY_KEY;
    if (!columns.joinKeys().isEmpty()) {
      EntityKey.Builder builder = EntityKey.newBuilder();
      for (SourceColumns.Column joinKey : columns.joinKeys()) {
        Value value = value(joinKey, row, index++);
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
      values.put(feature.field().name(), value(feature, row, index++));
    }
    Timestamp event = timestamp(row, index++);
    Timestamp created = columns.createdColumn().isPresent()
        ? timestamp(row, index)
        : Timestamp.getDefaultInstance();
    return new OnlineWriteRow(key, event, created, values);
  }

  private Value value(SourceColumns.Column column, FieldValueList row, int index) {
    try {
      return FeatureValues.of(BigQueryValues.plain(row.get(index), fields.get(index)),
          column.field().dtype().valueType());
    } catch (IllegalArgumentException e) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
          "feature view '" + view + "': a value of column '" + column.sourceName()
              + "' cannot be " + column.field().dtype().pythonName() + " ('"
              + column.field().name() + "'): " + e.getMessage(), e);
    }
  }

  private Timestamp timestamp(FieldValueList row, int index) {
    if (row.get(index).isNull()) {
      return Timestamp.getDefaultInstance();
    }
    long micros = BigQueryValues.micros(row.get(index), fields.get(index));
    return Timestamp.newBuilder()
        .setSeconds(Math.floorDiv(micros, 1_000_000L))
        .setNanos((int) Math.floorMod(micros, 1_000_000L) * 1_000)
        .build();
  }

  @Override
  public void close() {
    // The job has finished; pages not fetched are simply never requested.
    closed = true;
  }
}
