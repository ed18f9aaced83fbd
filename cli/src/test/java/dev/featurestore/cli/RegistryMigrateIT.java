package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.testing.TestingPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code featurestore registry migrate} through a private PostgreSQL: SQLite -> PostgreSQL -> SQLite. */
class RegistryMigrateIT {
  /** Feast's SQL registry tables and their name and proto columns. */
  private static final Map<String, String[]> TABLES = Map.of(
      "projects", new String[] {"project_name", "project_proto"},
      "data_sources", new String[] {"data_source_name", "data_source_proto"},
      "entities", new String[] {"entity_name", "entity_proto"},
      "feature_views", new String[] {"feature_view_name", "feature_view_proto"},
      "feature_services", new String[] {"feature_service_name", "feature_service_proto"});

  @TempDir Path tmp;
  private TestingPostgresServer postgres;
  private Path sqliteFile;
  private String sqlite;

  @BeforeEach
  void applySample() {
    postgres = TestingPostgresServer.shared();
    Path repo = TestRepos.sample(tmp);
    CliRun apply = CliRun.of("-c", repo.toString(), "apply");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    sqliteFile = repo.resolve("data/registry.db").toAbsolutePath();
    sqlite = "sqlite:///" + sqliteFile;
  }

  @Test
  void roundTripThroughPostgresKeepsProtoBytes() throws Exception {
    String database = postgres.createDatabase("migrate");
    String pg = postgresUrl(database);
    CliRun toPostgres = CliRun.of("registry", "migrate", "--from", sqlite, "--to", pg);
    assertThat(toPostgres.exitCode()).as(toPostgres.toString()).isZero();
    assertThat(toPostgres.out()).contains(
        "(sql registry) to postgresql://", "bnpl: copied 26 objects and 26 apply-history entries",
        "bnpl: 26 objects (1 Project, 11 DataSource, 5 Entity, 6 FeatureView, 1 StreamFeatureView, 2 FeatureService) identical",
        "Verification passed: 1 project(s), 26 objects identical");

    Path back = tmp.resolve("back.db");
    CliRun toSqlite = CliRun.of("registry", "migrate", "--from", pg, "--to", "sqlite:///" + back);
    assertThat(toSqlite.exitCode()).as(toSqlite.toString()).isZero();

    try (Connection original = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile);
        Connection viaPostgres = postgres.connect(database);
        Connection roundTrip = DriverManager.getConnection("jdbc:sqlite:" + back)) {
      for (var table : TABLES.entrySet()) {
        Map<String, String> expected = rows(original, table.getKey(), table.getValue());
        assertThat(expected).as(table.getKey()).isNotEmpty();
        assertThat(rows(viaPostgres, table.getKey(), table.getValue())).as(table.getKey()).isEqualTo(expected);
        assertThat(rows(roundTrip, table.getKey(), table.getValue())).as(table.getKey()).isEqualTo(expected);
      }
      assertThat(lastUpdated(viaPostgres)).isEqualTo(lastUpdated(original));
      assertThat(lastUpdated(roundTrip)).isEqualTo(lastUpdated(original));
      // The source's history comes first, as it was; each migration adds its own entries after it.
      List<String> history = history(original);
      assertThat(history).hasSize(26);
      assertThat(history(viaPostgres)).hasSize(52).startsWith(history.toArray(String[]::new));
      assertThat(history(viaPostgres).subList(26, 52)).allMatch(e -> e.endsWith("|migrated from " + sqlite));
      assertThat(history(roundTrip)).hasSize(78).startsWith(history(viaPostgres).toArray(String[]::new));
    }
    CliRun again = CliRun.of("registry", "migrate", "--force", "--from", sqlite, "--to", pg);
    assertThat(again.out()).contains("copied 26 objects and 0 apply-history entries",
        "Note: 26 apply-history entries of the source were not copied: the target already had history");
    CliRun verify = CliRun.of("registry", "migrate", "--verify-only", "--from", sqlite, "--to", "sqlite:///" + back);
    assertThat(verify.exitCode()).as(verify.toString()).isZero();
  }

  private static List<String> history(Connection connection) throws Exception {
    List<String> entries = new java.util.ArrayList<>();
    try (Statement statement = connection.createStatement();
        java.sql.ResultSet rows = statement.executeQuery("SELECT applied_at, change_type, object_kind, object_name,"
            + " summary FROM fs_apply_history WHERE project_id = 'bnpl' ORDER BY id")) {
      while (rows.next()) {
        entries.add(rows.getLong(1) + "|" + rows.getString(2) + "|" + rows.getString(3) + "|" + rows.getString(4)
            + "|" + rows.getString(5));
      }
    }
    return entries;
  }

  @Test
  void detectsATamperedPostgresTarget() throws Exception {
    String database = postgres.createDatabase("migrate_tamper");
    String pg = postgresUrl(database);
    assertThat(CliRun.of("registry", "migrate", "--from", sqlite, "--to", pg).exitCode()).isZero();
    try (Connection connection = postgres.connect(database); Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE feature_views SET feature_view_proto = (SELECT feature_view_proto"
          + " FROM feature_views WHERE feature_view_name = 'device_risk') WHERE feature_view_name = 'merchant_features'");
      statement.executeUpdate("INSERT INTO entities SELECT 'ghost', project_id, last_updated_timestamp, entity_proto"
          + " FROM entities WHERE entity_name = 'user'");
    }
    CliRun verify = CliRun.of("registry", "migrate", "--verify-only", "--from", sqlite, "--to", pg);
    assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(1);
    assertThat(verify.out()).contains(
        "different bytes: FeatureView merchant_features", "only in target: Entity ghost",
        "Verification FAILED: 2 difference(s)");
  }

  @Test
  void refusesANonEmptyPostgresTarget() {
    String pg = postgresUrl(postgres.createDatabase("migrate_full"));
    assertThat(CliRun.of("registry", "migrate", "--from", sqlite, "--to", pg).exitCode()).isZero();
    CliRun again = CliRun.of("registry", "migrate", "--from", sqlite, "--to", pg);
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already holds projects [bnpl]");
  }

  private String postgresUrl(String database) {
    return "postgresql://" + postgres.user() + "@" + postgres.host() + ":" + postgres.port() + "/" + database;
  }

  /** name -> hex of the stored proto bytes, for the bnpl project. */
  private static Map<String, String> rows(Connection connection, String table, String[] columns) throws SQLException {
    Map<String, String> rows = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT " + columns[0] + ", " + columns[1] + " FROM " + table
            + " WHERE project_id = 'bnpl'")) {
      while (rs.next()) {
        rows.put(rs.getString(1), java.util.HexFormat.of().formatHex(rs.getBytes(2)));
      }
    }
    return rows;
  }

  private static String lastUpdated(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT metadata_value FROM feast_metadata"
            + " WHERE project_id = 'bnpl' AND metadata_key = 'last_updated_timestamp'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
