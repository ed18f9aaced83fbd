package dev.featurestore.onlinestore.sqlite;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteConfig;

/**
 * A few connections to one SQLite file, each used by one thread at a time. The file is put in WAL
 * mode so readers go on while a writer commits; writers are serialized by the caller, and a {@code
 * busy_timeout} covers other processes (a Feast materialization) holding the write lock.
 * Connections open lazily; the file and its parent folders are created on the first one.
 */
final class SqliteConnectionPool implements AutoCloseable {

  private static final Duration BORROW_TIMEOUT = Duration.ofSeconds(30);
  private static final int BUSY_TIMEOUT_MILLIS = 10_000;

  private final Path file;
  private final Semaphore permits;
  private final BlockingQueue<Connection> idle;
  private volatile boolean closed;
  private volatile boolean walSet;

  SqliteConnectionPool(Path file, int maxConnections) {
    this.file = requireNonNull(file, "file is null");
    this.permits = new Semaphore(maxConnections, true);
    this.idle = new ArrayBlockingQueue<>(maxConnections);
  }

  Path file() {
    return file;
  }

  /** Work done on a borrowed connection. */
  @FunctionalInterface
  interface ConnectionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs the work on a connection of the pool. A connection left closed or inside a transaction by
   * a failure is discarded rather than handed to the next caller.
   */
  <T> T withConnection(ConnectionWork<T> work) throws SQLException {
    acquirePermit();
    Connection connection = null;
    try {
      connection = idle.poll();
      if (connection == null) {
        connection = open();
      }
      return work.run(connection);
    } finally {
      release(connection);
      permits.release();
    }
  }

  private void acquirePermit() {
    if (closed) {
      throw new FeatureStoreException(
          ErrorCode.ONLINE_STORE_UNAVAILABLE, "SQLite online store " + file + " is closed");
    }
    try {
      if (!permits.tryAcquire(BORROW_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new FeatureStoreException(
            ErrorCode.ONLINE_STORE_UNAVAILABLE,
            "SQLite online store " + file + ": no free connection after " + BORROW_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FeatureStoreException(
          ErrorCode.ONLINE_STORE_UNAVAILABLE, "interrupted waiting for a SQLite connection", e);
    }
  }

  // Synchronized with close() so no connection is parked after close() drained the queue.
  private synchronized void release(Connection connection) {
    if (connection == null) {
      return;
    }
    if (!closed && isReusable(connection) && idle.offer(connection)) {
      return;
    }
    closeQuietly(connection);
  }

  private static boolean isReusable(Connection connection) {
    try {
      return !connection.isClosed() && connection.getAutoCommit();
    } catch (SQLException e) {
      return false;
    }
  }

  private Connection open() throws SQLException {
    Path parent = file.toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new SQLException("cannot create folder " + parent + ": " + e.getMessage(), e);
    }
    SQLiteConfig config = new SQLiteConfig();
    // NORMAL is durable against crashes in WAL mode; only a power loss may drop the last commits.
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // Writers take the write lock when they begin, so busy_timeout applies; a deferred transaction
    // upgrading from read to write fails at once when another process committed meanwhile.
    // Readers run in autocommit mode and never begin one.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    if (!walSet) {
      // WAL mode sticks to the file, so once per pool is enough. Not through SQLiteConfig: it would
      // run the pragma on every new connection, before busy_timeout, and a connection opened while
      // a writer held the lock failed at once with SQLITE_BUSY.
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      walSet = true;
    }
    return connection;
  }

  @Override
  public synchronized void close() {
    closed = true;
    Connection connection;
    while ((connection = idle.poll()) != null) {
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Closing is best effort: the file stays consistent whatever happens here.
    }
  }
}
