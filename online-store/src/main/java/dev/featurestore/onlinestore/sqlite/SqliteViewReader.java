package dev.featurestore.onlinestore.sqlite;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.online.EntityKeySerializer;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.ViewRead;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Reads one view's rows for many keys, as Feast's {@code online_read}: every feature row of the
 * keys, grouped per key. A key without rows is {@code null}; a requested feature without a row is a
 * {@code null} value; the row's event time is the latest among its features (Feast takes the last
 * row it scans, which is the same when each write covers the whole view). A view whose table does
 * not exist yet reads as all {@code null}.
 */
final class SqliteViewReader {

  private final EntityKeySerializer keySerializer;
  private final int maxKeysPerQuery;

  SqliteViewReader(EntityKeySerializer keySerializer, int maxKeysPerQuery) {
    this.keySerializer = keySerializer;
    this.maxKeysPerQuery = maxKeysPerQuery;
  }

  List<OnlineRow> read(Connection connection, SqliteFeatureTable table, ViewRead read)
      throws SQLException {
    List<ByteBuffer> keys = new ArrayList<>(read.keys().size());
    for (EntityKey key : read.keys()) {
      keys.add(ByteBuffer.wrap(keySerializer.serialize(key)));
    }
    Map<ByteBuffer, StoredEntity> stored = fetch(connection, table, keys);
    List<OnlineRow> rows = new ArrayList<>(keys.size());
    for (ByteBuffer key : keys) {
      StoredEntity entity = stored.get(key);
      rows.add(entity == null ? null : entity.toRow(read.features(), table));
    }
    return rows;
  }

  private Map<ByteBuffer, StoredEntity> fetch(
      Connection connection, SqliteFeatureTable table, List<ByteBuffer> keys) throws SQLException {
    List<ByteBuffer> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
    Map<ByteBuffer, StoredEntity> stored = new HashMap<>();
    for (int from = 0; from < distinct.size(); from += maxKeysPerQuery) {
      List<ByteBuffer> chunk =
          distinct.subList(from, Math.min(distinct.size(), from + maxKeysPerQuery));
      try (PreparedStatement select = connection.prepareStatement(table.selectSql(chunk.size()))) {
        for (int i = 0; i < chunk.size(); i++) {
          select.setBytes(i + 1, chunk.get(i).array());
        }
        try (ResultSet result = select.executeQuery()) {
          while (result.next()) {
            stored
                .computeIfAbsent(ByteBuffer.wrap(result.getBytes(1)), k -> new StoredEntity())
                .add(result.getString(2), result.getBytes(3), result.getObject(4));
          }
        }
      } catch (SQLException e) {
        if (isMissingTable(e)) {
          return Map.of();
        }
        throw e;
      }
    }
    return stored;
  }

  private static boolean isMissingTable(SQLException e) {
    String message = e.getMessage();
    return message != null && message.contains("no such table");
  }

  /** The raw rows of one entity; values are parsed only for the requested features. */
  private static final class StoredEntity {
    private final Map<String, byte[]> values = new HashMap<>();
    private Timestamp eventTimestamp;

    void add(String feature, byte[] value, Object eventTs) {
      // An empty Value (a null) serializes to zero bytes; the driver may hand those back as null.
      values.put(feature, value == null ? new byte[0] : value);
      Timestamp ts = SqliteTimestamps.fromColumn(eventTs);
      if (ts != null && (eventTimestamp == null || isAfter(ts, eventTimestamp))) {
        eventTimestamp = ts;
      }
    }

    OnlineRow toRow(List<String> features, SqliteFeatureTable table) {
      Value[] parsed = new Value[features.size()];
      for (int i = 0; i < parsed.length; i++) {
        byte[] bytes = values.get(features.get(i));
        parsed[i] = bytes == null ? null : parse(bytes, table, features.get(i));
      }
      return new OnlineRow(eventTimestamp, Arrays.asList(parsed));
    }

    private static Value parse(byte[] bytes, SqliteFeatureTable table, String feature) {
      try {
        return Value.parseFrom(bytes);
      } catch (InvalidProtocolBufferException e) {
        throw new FeatureStoreException(
            ErrorCode.INTERNAL,
            "SQLite online store: value of "
                + feature
                + " in table "
                + table.quoted()
                + " is not a feast.types.Value",
            e);
      }
    }

    private static boolean isAfter(Timestamp a, Timestamp b) {
      return a.getSeconds() != b.getSeconds()
          ? a.getSeconds() > b.getSeconds()
          : a.getNanos() > b.getNanos();
    }
  }
}
