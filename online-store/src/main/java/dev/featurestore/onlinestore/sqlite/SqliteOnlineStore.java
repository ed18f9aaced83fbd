package dev.featurestore.onlinestore.sqlite;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.online.EntityKeySerializer;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.online.ViewRead;
import feast.proto.types.EntityKeyProto.EntityKey;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Feast's SQLite online store ({@code sdk/python/feast/infra/online_stores/sqlite.py}): one table
 * per feature view (see {@link SqliteFeatureTable}) in one database file that Feast and this
 * project can share.
 *
 * <p>As in Feast, writes are unconditional upserts (the last write wins, whatever its event time),
 * one transaction per {@link #write} call, and a table is created on its first write if apply has
 * not created it. Event times are kept in whole seconds. Reads fetch every feature row of the
 * requested keys with one query per view (chunked below SQLite's bound-variable limit).
 *
 * <p>Thread-safe: reads share a small pool of connections and proceed during a write (WAL mode);
 * writes and drops from this instance are serialized.
 */
public final class SqliteOnlineStore implements OnlineStore {

  static final int DEFAULT_MAX_CONNECTIONS = 4;

  /** Keys per {@code IN (...)} query, well below SQLite's 999 bound variables of old builds. */
  static final int MAX_KEYS_PER_QUERY = 500;

  private static final int MAX_ROWS_PER_BATCH = 1_000;

  private final SqliteConnectionPool pool;
  private final EntityKeySerializer keySerializer;
  private final SqliteViewReader reader;
  private final boolean writeValueNum;
  private final ReentrantLock writeLock = new ReentrantLock();

  /**
   * @param file the database file; it and its folders are created on first use
   * @param entityKeySerializationVersion feature_store.yaml's {@code
   *     entity_key_serialization_version} (1, 2 or 3)
   * @param writeValueNum Feast's {@code enable_openai_compatible_store}: also fill {@code
   *     value_num}
   */
  public SqliteOnlineStore(
      Path file, int entityKeySerializationVersion, boolean writeValueNum, int maxConnections) {
    this.pool = new SqliteConnectionPool(requireNonNull(file, "file is null"), maxConnections);
    this.keySerializer = new EntityKeySerializer(entityKeySerializationVersion);
    this.reader = new SqliteViewReader(keySerializer, MAX_KEYS_PER_QUERY);
    this.writeValueNum = writeValueNum;
  }

  public SqliteOnlineStore(Path file, int entityKeySerializationVersion) {
    this(file, entityKeySerializationVersion, false, DEFAULT_MAX_CONNECTIONS);
  }

  /** The database file. */
  public Path file() {
    return pool.file();
  }

  @Override
  public List<List<OnlineRow>> read(String project, List<ViewRead> reads) {
    requireNonNull(project, "project is null");
    if (reads.isEmpty()) {
      return List.of();
    }
    return call(
        "read",
        connection -> {
          List<List<OnlineRow>> results = new ArrayList<>(reads.size());
          for (ViewRead read : reads) {
            results.add(reader.read(connection, SqliteFeatureTable.of(project, read.view()), read));
          }
          return results;
        });
  }

  @Override
  public void write(String project, String view, List<OnlineWriteRow> rows) {
    requireNonNull(project, "project is null");
    requireNonNull(view, "view is null");
    if (rows.isEmpty()) {
      return;
    }
    SqliteFeatureTable table = SqliteFeatureTable.of(project, view);
    writeLock.lock();
    try {
      call("write", connection -> inTransaction(connection, () -> upsert(connection, table, rows)));
    } finally {
      writeLock.unlock();
    }
  }

  /** SQLite's writes are unconditional already (Feast's layout), so this is {@link #write}. */
  @Override
  public void overwrite(String project, String view, List<OnlineWriteRow> rows) {
    write(project, view, rows);
  }

  /** One table per view, so every row of the entity goes; {@code features} is not needed. */
  @Override
  public void deleteEntities(
      String project, String view, List<String> features, List<EntityKey> keys) {
    requireNonNull(project, "project is null");
    requireNonNull(view, "view is null");
    if (keys.isEmpty()) {
      return;
    }
    SqliteFeatureTable table = SqliteFeatureTable.of(project, view);
    writeLock.lock();
    try {
      call(
          "deleteEntities",
          connection ->
              inTransaction(
                  connection,
                  () -> {
                    table.ensure(connection, writeValueNum);
                    try (PreparedStatement delete =
                        connection.prepareStatement(table.deleteEntitySql())) {
                      for (EntityKey key : keys) {
                        delete.setBytes(1, keySerializer.serialize(key));
                        delete.addBatch();
                      }
                      delete.executeBatch();
                    }
                    return null;
                  }));
    } finally {
      writeLock.unlock();
    }
  }

  private Void upsert(Connection connection, SqliteFeatureTable table, List<OnlineWriteRow> rows)
      throws SQLException {
    // Feast fills value_num only when asked to and the column exists (apply adds it).
    boolean withValueNum = table.ensure(connection, writeValueNum) && writeValueNum;
    try (PreparedStatement upsert = connection.prepareStatement(table.upsertSql(withValueNum))) {
      int pending = 0;
      for (OnlineWriteRow row : rows) {
        byte[] key = keySerializer.serialize(row.key());
        long eventTs = SqliteTimestamps.toColumn(row.eventTimestamp());
        // Feast writes NULL when the source has no created-timestamp column.
        Long createdTs =
            row.createdTimestamp().equals(Timestamp.getDefaultInstance())
                ? null
                : SqliteTimestamps.toColumn(row.createdTimestamp());
        for (var feature : row.values().entrySet()) {
          int column = 1;
          upsert.setBytes(column++, key);
          upsert.setString(column++, feature.getKey());
          upsert.setBytes(column++, feature.getValue().toByteArray());
          upsert.setString(column++, SqliteValueColumns.text(feature.getValue()));
          if (withValueNum) {
            upsert.setObject(column++, SqliteValueColumns.number(feature.getValue()));
          }
          upsert.setLong(column++, eventTs);
          upsert.setObject(column, createdTs);
          upsert.addBatch();
          if (++pending == MAX_ROWS_PER_BATCH) {
            upsert.executeBatch();
            pending = 0;
          }
        }
      }
      if (pending > 0) {
        upsert.executeBatch();
      }
    }
    return null;
  }

  @Override
  public void deleteViews(String project, List<String> views) {
    requireNonNull(project, "project is null");
    if (views.isEmpty()) {
      return;
    }
    writeLock.lock();
    try {
      call(
          "deleteViews",
          connection ->
              inTransaction(
                  connection,
                  () -> {
                    try (Statement statement = connection.createStatement()) {
                      for (String view : views) {
                        statement.execute(SqliteFeatureTable.of(project, view).dropSql());
                      }
                    }
                    return null;
                  }));
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public boolean isHealthy() {
    try {
      return pool.withConnection(
          connection -> {
            try (Statement statement = connection.createStatement()) {
              return statement.executeQuery("SELECT 1").next();
            }
          });
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }

  private <T> T call(String operation, SqliteConnectionPool.ConnectionWork<T> work) {
    try {
      return pool.withConnection(work);
    } catch (SQLException e) {
      throw new FeatureStoreException(
          ErrorCode.ONLINE_STORE_UNAVAILABLE,
          "SQLite online store " + pool.file() + ": " + operation + " failed: " + e.getMessage(),
          e);
    }
  }

  private interface TransactionWork<T> {
    T run() throws SQLException;
  }

  private static <T> T inTransaction(Connection connection, TransactionWork<T> work)
      throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
