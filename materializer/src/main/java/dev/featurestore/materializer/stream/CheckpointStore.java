package dev.featurestore.materializer.stream;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A stream's checkpoint in its own SQLite file: the last applied position per partition, the
 * newest event time per source (the watermark) and the window state of every entity. {@link
 * #commit} writes a batch's changes in one transaction, so after a crash the checkpoint is the
 * state after some whole batch, never half of one; records after it are delivered again and
 * applied again to that state, which gives the same result.
 */
final class CheckpointStore implements AutoCloseable {

  /** Window state key: the view and the entity key's bytes. */
  record StateKey(String view, ByteBuffer entity) {}

  /** What {@link #load} finds. */
  record Loaded(
      Map<String, StreamPosition> positions,
      Map<String, Long> newestEventMillis,
      Map<StateKey, byte[]> windows) {}

  private final Path file;
  private final Connection connection;

  CheckpointStore(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        // FULL: a committed checkpoint survives a power cut, not only a killed process.
        statement.execute("PRAGMA synchronous=FULL");
        statement.execute(
            "CREATE TABLE IF NOT EXISTS positions (partition TEXT PRIMARY KEY, major INTEGER NOT"
                + " NULL, minor INTEGER NOT NULL)");
        statement.execute(
            "CREATE TABLE IF NOT EXISTS watermarks (source TEXT PRIMARY KEY, newest_event_ms"
                + " INTEGER NOT NULL)");
        statement.execute(
            "CREATE TABLE IF NOT EXISTS windows (view TEXT NOT NULL, entity BLOB NOT NULL, state"
                + " BLOB NOT NULL, PRIMARY KEY (view, entity))");
      }
      connection.setAutoCommit(false);
    } catch (SQLException | java.io.IOException e) {
      throw failure("open", e);
    }
  }

  Path file() {
    return file;
  }

  synchronized Loaded load() {
    Map<String, StreamPosition> positions = new HashMap<>();
    Map<String, Long> watermarks = new HashMap<>();
    Map<StateKey, byte[]> windows = new HashMap<>();
    try (Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT partition, major, minor FROM positions")) {
        while (rows.next()) {
          String partition = rows.getString(1);
          positions.put(partition, new StreamPosition(partition, rows.getLong(2), rows.getLong(3)));
        }
      }
      try (ResultSet rows = statement.executeQuery("SELECT source, newest_event_ms FROM watermarks")) {
        while (rows.next()) {
          watermarks.put(rows.getString(1), rows.getLong(2));
        }
      }
      try (ResultSet rows = statement.executeQuery("SELECT view, entity, state FROM windows")) {
        while (rows.next()) {
          windows.put(
              new StateKey(rows.getString(1), ByteBuffer.wrap(rows.getBytes(2))), rows.getBytes(3));
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw failure("read", e);
    }
    return new Loaded(positions, watermarks, windows);
  }

  /** Writes one batch's changes atomically; a {@code null} state removes the entity's windows. */
  synchronized void commit(
      Map<String, StreamPosition> positions,
      Map<String, Long> newestEventMillis,
      Map<StateKey, byte[]> windows) {
    try {
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "INSERT INTO positions VALUES (?, ?, ?) ON CONFLICT(partition) DO UPDATE SET"
                  + " major = excluded.major, minor = excluded.minor")) {
        for (StreamPosition position : positions.values()) {
          upsert.setString(1, position.partition());
          upsert.setLong(2, position.major());
          upsert.setLong(3, position.minor());
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "INSERT INTO watermarks VALUES (?, ?) ON CONFLICT(source) DO UPDATE SET"
                  + " newest_event_ms = excluded.newest_event_ms")) {
        for (Map.Entry<String, Long> watermark : newestEventMillis.entrySet()) {
          upsert.setString(1, watermark.getKey());
          upsert.setLong(2, watermark.getValue());
          upsert.addBatch();
        }
        upsert.executeBatch();
      }
      try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO windows VALUES (?, ?, ?) ON CONFLICT(view, entity) DO UPDATE SET"
                      + " state = excluded.state");
          PreparedStatement delete =
              connection.prepareStatement("DELETE FROM windows WHERE view = ? AND entity = ?")) {
        for (Map.Entry<StateKey, byte[]> window : windows.entrySet()) {
          byte[] entity = bytes(window.getKey().entity());
          if (window.getValue() == null) {
            delete.setString(1, window.getKey().view());
            delete.setBytes(2, entity);
            delete.addBatch();
          } else {
            upsert.setString(1, window.getKey().view());
            upsert.setBytes(2, entity);
            upsert.setBytes(3, window.getValue());
            upsert.addBatch();
          }
        }
        upsert.executeBatch();
        delete.executeBatch();
      }
      connection.commit();
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw failure("write", e);
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    copy.rewind();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }

  private FeatureStoreException failure(String operation, Exception e) {
    return new FeatureStoreException(
        ErrorCode.INTERNAL,
        "stream checkpoint " + file + ": cannot " + operation + ": " + e.getMessage(),
        e);
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Nothing is pending: every commit either finished or rolled back.
    }
  }
}
