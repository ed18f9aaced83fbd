package dev.featurestore.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestingPostgresServerIT {

  @Test
  void databasesAreIsolatedFromEachOther() throws SQLException {
    try (TestingPostgresServer server = TestingPostgresServer.start()) {
      String first = server.createDatabase("Registry-Test");
      String second = server.createDatabase("Registry-Test");

      assertThat(first).isNotEqualTo(second).startsWith("registry_test_");
      assertThat(server.host()).isEqualTo("127.0.0.1");
      assertThat(server.user()).isEqualTo("postgres");
      assertThat(server.jdbcUrl(first))
          .isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + first);
      execute(server, first, "CREATE TABLE items (id int PRIMARY KEY, name text)");
      execute(server, first, "INSERT INTO items VALUES (1, 'one'), (2, 'two')");
      execute(server, second, "CREATE TABLE items (id int PRIMARY KEY)");

      assertThat(query(server, first, "SELECT count(*) FROM items")).isEqualTo("2");
      assertThat(query(server, second, "SELECT count(*) FROM items")).isEqualTo("0");
      assertThat(query(server, first, "SELECT current_user")).isEqualTo("postgres");
    }
  }

  @Test
  void logicalReplicationIsOnlyEnabledWhenAskedFor() throws SQLException {
    try (TestingPostgresServer plain = TestingPostgresServer.start();
        TestingPostgresServer logical = TestingPostgresServer.start(true)) {
      assertThat(plain.port()).isNotEqualTo(logical.port());
      assertThat(query(plain, "postgres", "SHOW wal_level")).isEqualTo("replica");
      assertThat(logical.isLogicalReplication()).isTrue();
      assertThat(query(logical, "postgres", "SHOW wal_level")).isEqualTo("logical");

      String database = logical.createDatabase("cdc");
      assertThat(
              query(
                  logical,
                  database,
                  "SELECT slot_name FROM pg_create_logical_replication_slot('harness_slot',"
                      + " 'pgoutput')"))
          .isEqualTo("harness_slot");
    }
  }

  @Test
  void restartKeepsPortAndData() throws SQLException {
    try (TestingPostgresServer server = TestingPostgresServer.start()) {
      String database = server.createDatabase("outage");
      execute(server, database, "CREATE TABLE kept (v text)");
      execute(server, database, "INSERT INTO kept VALUES ('survives')");
      int port = server.port();

      server.stop();
      assertThat(server.isRunning()).isFalse();
      assertThatThrownBy(() -> server.connect(database)).isInstanceOf(SQLException.class);

      server.restart();
      assertThat(server.port()).isEqualTo(port);
      assertThat(query(server, database, "SELECT v FROM kept")).isEqualTo("survives");
    }
  }

  @Test
  void closeRemovesTheFolderAndTheProcess() {
    TestingPostgresServer server = TestingPostgresServer.start();
    Path directory = server.directory();
    assertThat(directory).isDirectory();
    assertThat(serverProcessesIn(directory)).isPositive();

    server.close();
    server.close();

    assertThat(Files.exists(directory)).isFalse();
    assertThat(serverProcessesIn(directory)).isZero();
    assertThat(server.isRunning()).isFalse();
    assertThat(Ports.isFree(server.port())).isTrue();
  }

  @Test
  void sharedInstanceSurvivesClose() throws SQLException {
    TestingPostgresServer shared = TestingPostgresServer.shared();
    shared.close();

    assertThat(TestingPostgresServer.shared()).isSameAs(shared);
    assertThat(shared.isRunning()).isTrue();
    assertThat(query(shared, shared.createDatabase("shared"), "SELECT 1")).isEqualTo("1");
  }

  static long serverProcessesIn(Path directory) {
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(line -> line.contains(directory.toString()))
                    .orElse(false))
        .count();
  }

  private static void execute(TestingPostgresServer server, String database, String sql)
      throws SQLException {
    try (Connection connection = server.connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String query(TestingPostgresServer server, String database, String sql)
      throws SQLException {
    try (Connection connection = server.connect(database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1);
    }
  }
}
