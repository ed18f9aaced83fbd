package dev.featurestore.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A private PostgreSQL server for tests, started from the installed binaries on a free port of
 * 127.0.0.1, with trust authentication, its unix socket in a private folder and durability turned
 * off for speed. When the JVM runs as root the server runs as the {@code postgres} user, because
 * PostgreSQL refuses to run as root.
 *
 * <p>Tests isolate themselves with {@link #createDatabase}; use {@link #shared()} unless a test
 * needs logical replication or stops the server. Everything is removed on {@link #close()} and, at
 * the latest, when the JVM exits. Thread-safe.
 */
public final class TestingPostgresServer implements AutoCloseable {
  private static final String HOST = "127.0.0.1";
  private static final int PORT_ATTEMPTS = 5;
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private static TestingPostgresServer shared;

  private final PostgresInstallation installation;
  private final boolean logicalReplication;
  private final boolean isShared;
  private final Path root;
  private final AtomicInteger databaseCounter = new AtomicInteger();
  private final AutoCloseable cleanupHandle = this::shutdown;
  private int port;
  private ServerProcess process;
  private boolean closed;

  private TestingPostgresServer(
      PostgresInstallation installation, boolean logicalReplication, boolean isShared, Path root) {
    this.installation = installation;
    this.logicalReplication = logicalReplication;
    this.isShared = isShared;
    this.root = root;
  }

  /** Starts a private instance on a free port. */
  public static TestingPostgresServer start() {
    return start(false);
  }

  /**
   * Starts a private instance on a free port; with {@code logicalReplication}, {@code
   * wal_level=logical} and room for replication slots and WAL senders, as CDC connectors need.
   */
  public static TestingPostgresServer start(boolean logicalReplication) {
    return create(logicalReplication, false);
  }

  /**
   * One instance per JVM, started on first use and stopped when the JVM exits; {@link #close()} on
   * it does nothing. Do not stop it: tests that need an outage start their own.
   */
  public static synchronized TestingPostgresServer shared() {
    if (shared == null) {
      shared = create(false, true);
    }
    return shared;
  }

  public String host() {
    return HOST;
  }

  public synchronized int port() {
    return port;
  }

  /** The superuser to connect as; no password is needed. */
  public String user() {
    return PostgresInstallation.SUPERUSER;
  }

  public boolean isLogicalReplication() {
    return logicalReplication;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /**
   * Creates an empty database named {@code prefix} (lower-cased, other characters than letters,
   * digits and underscores replaced) plus a counter unique within this server, and returns the
   * name.
   */
  public String createDatabase(String prefix) {
    String name = sanitise(prefix) + "_" + databaseCounter.incrementAndGet();
    execute("CREATE DATABASE \"" + name + "\"");
    return name;
  }

  /** Drops a database, disconnecting its sessions first; does nothing when it does not exist. */
  public void dropDatabase(String database) {
    execute("DROP DATABASE IF EXISTS \"" + database.replace("\"", "\"\"") + "\" WITH (FORCE)");
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + HOST + ":" + port() + "/" + database;
  }

  /** Opens a new connection as {@link #user()}; the caller closes it. */
  public Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user());
    return DriverManager.getConnection(jdbcUrl(database), properties);
  }

  /** The folder holding data, logs and sockets; removed on close. For the harness's own tests. */
  Path directory() {
    return root;
  }

  /** Stops the server (fast shutdown: open sessions are ended), keeping port and data. */
  public synchronized void stop() {
    if (process != null) {
      process.stop(STOP_TIMEOUT);
      process = null;
    }
  }

  /** Stops the server if it runs and starts it again on the same port with the same data. */
  public synchronized void restart() {
    ensureOpen();
    stop();
    startOn(port);
  }

  /** Stops the server and removes its folder; idempotent. Does nothing on {@link #shared()}. */
  @Override
  public void close() {
    if (!isShared) {
      shutdown();
    }
  }

  private static TestingPostgresServer create(boolean logicalReplication, boolean isShared) {
    PostgresInstallation installation = PostgresInstallation.get();
    Path root = TempDirs.createRoot("pg");
    TestingPostgresServer server =
        new TestingPostgresServer(installation, logicalReplication, isShared, root);
    Cleanup.register(server.cleanupHandle);
    try {
      installation.copyTemplateTo(root.resolve("data"));
      TempDirs.createPrivateDir(root.resolve("socket"), installation.runAsUser());
      server.startOnFreePort();
      return server;
    } catch (RuntimeException e) {
      server.shutdown();
      throw e;
    }
  }

  private synchronized void startOnFreePort() {
    for (int attempt = 1; ; attempt++) {
      try {
        startOn(Ports.freePort());
        return;
      } catch (PortInUseException e) {
        if (attempt == PORT_ATTEMPTS) {
          throw new IllegalStateException(
              "PostgreSQL found no free port in " + PORT_ATTEMPTS + " attempts", e);
        }
      }
    }
  }

  private void startOn(int newPort) {
    port = newPort;
    process =
        ServerProcess.start(
            command(newPort),
            "INT",
            installation.runAsUser(),
            root,
            root.resolve("postgres.log"),
            Map.of("LC_ALL", "C"));
    awaitReady();
  }

  private List<String> command(int serverPort) {
    List<String> command =
        new ArrayList<>(
            List.of(
                installation.postgres().toString(),
                "-D",
                root.resolve("data").toString(),
                "-p",
                Integer.toString(serverPort),
                "-k",
                root.resolve("socket").toString(),
                "-c",
                "listen_addresses=" + HOST,
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_connections=300",
                "-c",
                "shared_buffers=32MB",
                "-c",
                "TimeZone=UTC",
                "-c",
                "logging_collector=off"));
    if (logicalReplication) {
      command.addAll(
          List.of(
              "-c", "wal_level=logical",
              "-c", "max_replication_slots=20",
              "-c", "max_wal_senders=20"));
    }
    return command;
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        ServerProcess failed = process;
        process = null;
        if (failed.logContains("Address already in use")) {
          throw new PortInUseException("PostgreSQL", port);
        }
        throw new IllegalStateException(
            "PostgreSQL exited during start-up:\n" + failed.logTail(30));
      }
      try (Connection ignored = connect("postgres")) {
        return;
      } catch (SQLException e) {
        last = e;
        ServerProcess.pause(Duration.ofMillis(50));
      }
    }
    process.stop(STOP_TIMEOUT);
    process = null;
    throw new IllegalStateException("PostgreSQL not ready after " + START_TIMEOUT, last);
  }

  private void execute(String sql) {
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("failed: " + sql, e);
    }
  }

  private synchronized void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("server is closed");
    }
  }

  private void shutdown() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      stop();
    }
    TempDirs.deleteRecursively(root);
    Cleanup.unregister(cleanupHandle);
  }

  private static String sanitise(String prefix) {
    String name = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (name.isEmpty() || !Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
      name = "db_" + name;
    }
    return name.length() > 48 ? name.substring(0, 48) : name;
  }
}
