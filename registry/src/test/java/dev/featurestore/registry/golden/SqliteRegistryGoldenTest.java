package dev.featurestore.registry.golden;

import static dev.featurestore.registry.golden.FeastGoldenObjects.CREATED;
import static dev.featurestore.registry.golden.FeastGoldenObjects.PROJECT;
import static dev.featurestore.registry.golden.FeastGoldenObjects.PROJECT_UUID;
import static dev.featurestore.registry.golden.FeastGoldenObjects.UPDATED;
import static dev.featurestore.registry.golden.Wire.decode;
import static dev.featurestore.registry.golden.Wire.string;
import static dev.featurestore.registry.golden.Wire.varint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.registry.RegistryStores;
import dev.featurestore.registry.TestRepoConfigs;
import feast.proto.core.EntityProto.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feast's SQL registry on SQLite: rows written the way sql.py writes them (tables created with the
 * DDL SQLAlchemy emits for SQLite, protos without spec.project, feast_metadata rows), read back;
 * and what we write, decoded column by column and field by field.
 */
class SqliteRegistryGoldenTest {

  private static final Instant APPLIED = Instant.ofEpochSecond(UPDATED + 3600);

  @TempDir Path repo;

  private Path database() {
    return repo.resolve("data/registry.db");
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + database());
  }

  private RegistryStore open() {
    return RegistryStores.open(TestRepoConfigs.withRegistry(repo, "sql", "sqlite:///data/registry.db"));
  }

  /** What SQLAlchemy's metadata.create_all emits for SQLite, for the tables of an older Feast. */
  private static final List<String> FEAST_DDL = List.of(
      objectTable("entities", "entity_name", "entity_proto"),
      objectTable("data_sources", "data_source_name", "data_source_proto"),
      objectTable("feature_services", "feature_service_name", "feature_service_proto"),
      "CREATE TABLE feature_views (\n\tfeature_view_name VARCHAR(255) NOT NULL, \n\tproject_id VARCHAR(255) NOT NULL, "
          + "\n\tlast_updated_timestamp BIGINT NOT NULL, \n\tmaterialized_intervals BLOB, \n\tfeature_view_proto BLOB NOT NULL, "
          + "\n\tuser_metadata BLOB, \n\tPRIMARY KEY (feature_view_name, project_id)\n)",
      "CREATE INDEX idx_feature_views_project_id ON feature_views (project_id)",
      "CREATE TABLE projects (\n\tproject_id VARCHAR(255) NOT NULL, \n\tproject_name VARCHAR(255) NOT NULL, "
          + "\n\tlast_updated_timestamp BIGINT NOT NULL, \n\tproject_proto BLOB NOT NULL, \n\tPRIMARY KEY (project_id)\n)",
      "CREATE TABLE feast_metadata (\n\tproject_id VARCHAR(255) NOT NULL, \n\tmetadata_key VARCHAR(50) NOT NULL, "
          + "\n\tmetadata_value TEXT NOT NULL, \n\tlast_updated_timestamp BIGINT NOT NULL, \n\tPRIMARY KEY (project_id, metadata_key)\n)");

  private static String objectTable(String table, String name, String proto) {
    return "CREATE TABLE " + table + " (\n\t" + name + " VARCHAR(255) NOT NULL, \n\tproject_id VARCHAR(255) NOT NULL, "
        + "\n\tlast_updated_timestamp BIGINT NOT NULL, \n\t" + proto + " BLOB NOT NULL, \n\tPRIMARY KEY (" + name + ", project_id)\n);"
        + "CREATE INDEX idx_" + table + "_project_id ON " + table + " (project_id)";
  }

  private void writeFeastRegistry() throws Exception {
    Files.createDirectories(database().getParent());
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String ddl : FEAST_DDL) {
        for (String statement : ddl.split(";")) {
          s.execute(statement);
        }
      }
      insert(c, "INSERT INTO entities VALUES (?, ?, ?, ?)", "driver", PROJECT, UPDATED, FeastGoldenObjects.entity(false).toByteArray());
      insert(c, "INSERT INTO data_sources VALUES (?, ?, ?, ?)",
          "driver_hourly_stats_source", PROJECT, UPDATED, FeastGoldenObjects.fileSource(false).toByteArray());
      insert(c, "INSERT INTO feature_views (feature_view_name, project_id, last_updated_timestamp, feature_view_proto) VALUES (?, ?, ?, ?)",
          "driver_hourly_stats", PROJECT, UPDATED, FeastGoldenObjects.featureView(false).toByteArray());
      insert(c, "INSERT INTO feature_services VALUES (?, ?, ?, ?)",
          "driver_activity_v1", PROJECT, UPDATED, FeastGoldenObjects.featureService(false).toByteArray());
      insert(c, "INSERT INTO projects VALUES (?, ?, ?, ?)", PROJECT, PROJECT, UPDATED, FeastGoldenObjects.project().toByteArray());
      insert(c, "INSERT INTO feast_metadata VALUES (?, ?, ?, ?)", PROJECT, "project_uuid", PROJECT_UUID, CREATED);
      insert(c, "INSERT INTO feast_metadata VALUES (?, ?, ?, ?)", PROJECT, "last_updated_timestamp", Long.toString(UPDATED), UPDATED);
    }
  }

  @Test
  void adoptsARegistryFeastCreatedAndReadsItIntact() throws Exception {
    writeFeastRegistry();
    try (RegistryStore store = open()) {
      var state = store.read(PROJECT);
      GoldenAssertions.assertTemplateObjects(state);
      assertThat(state.lastUpdated()).contains(Instant.ofEpochSecond(UPDATED));
      assertThat(store.projects()).containsExactly(PROJECT);
    }
    try (Connection c = connect()) {
      assertThat(tables(c)).contains("label_views", "permissions", "feature_view_version_history",
          "managed_infra", "fs_apply_history", "fs_schema_history");
      assertThat(column(c, "SELECT version FROM fs_schema_history ORDER BY installed_rank")).containsExactly("0", "1", "2", "3");
      assertThat(column(c, "SELECT entity_name FROM entities")).containsExactly("driver");
    }
  }

  @Test
  void writesRowsAsFeastDoes() throws Exception {
    writeFeastRegistry();
    try (RegistryStore store = open()) {
      Entity entity = Entity.parseFrom(FeastGoldenObjects.entity(true).toByteArray());
      Entity updated = entity.toBuilder().setSpec(entity.getSpec().toBuilder().setDescription("the driver")).build();
      store.apply(PROJECT, List.of(new RegistryChange(
          RegistryChange.Type.UPDATE, RegistryObjectKind.ENTITY, "driver", Optional.of(updated), "description")), APPLIED);
    }
    long applied = APPLIED.getEpochSecond();
    try (Connection c = connect()) {
      assertThat(column(c, "SELECT last_updated_timestamp FROM entities WHERE entity_name = 'driver'")).containsExactly(Long.toString(applied));
      Map<Integer, List<Object>> entitySpec = decode(decode(blob(c, "SELECT entity_proto FROM entities")), 1);
      assertThat(string(entitySpec, 1)).isEqualTo("driver");
      assertThat(varint(entitySpec, 2)).isEqualTo(FeastGoldenObjects.INT64);
      assertThat(string(entitySpec, 3)).isEqualTo("the driver");
      assertThat(string(entitySpec, 4)).isEqualTo("driver_id");
      assertThat(string(entitySpec, 9)).isEqualTo(PROJECT);

      assertThat(column(c, "SELECT metadata_key || '=' || metadata_value || '@' || last_updated_timestamp FROM feast_metadata ORDER BY metadata_key"))
          .containsExactly("last_updated_timestamp=" + applied + "@" + applied, "project_uuid=" + PROJECT_UUID + "@" + CREATED);
      assertThat(column(c, "SELECT project_id || '/' || project_name || '/' || last_updated_timestamp FROM projects"))
          .containsExactly(PROJECT + "/" + PROJECT + "/" + applied);
      Map<Integer, List<Object>> project = decode(blob(c, "SELECT project_proto FROM projects"));
      assertThat(string(decode(project, 1), 1)).isEqualTo(PROJECT);
      assertThat(varint(decode(decode(project, 2), 1), 1)).isEqualTo(CREATED);
      assertThat(varint(decode(decode(project, 2), 2), 1)).isEqualTo(applied);

      // Untouched rows keep Feast's bytes and times.
      assertThat(blob(c, "SELECT feature_view_proto FROM feature_views")).isEqualTo(FeastGoldenObjects.featureView(false).toByteArray());
      assertThat(column(c, "SELECT last_updated_timestamp FROM feature_views")).containsExactly(Long.toString(UPDATED));
      assertThat(column(c, "SELECT project_id || ' ' || applied_at || ' ' || change_type || ' ' || object_kind || ' ' || object_name || ' ' || summary FROM fs_apply_history"))
          .containsExactly(PROJECT + " " + APPLIED.toEpochMilli() + " UPDATE ENTITY driver description");
    }
  }

  @Test
  void createsFeastsTablesColumnForColumn() throws Exception {
    open().close();
    try (Connection c = connect()) {
      // name type notnull pk-position, from the Table() declarations in sql.py
      assertThat(tableInfo(c, "projects")).containsExactly(
          "project_id VARCHAR(255) 1 1", "project_name VARCHAR(255) 1 0", "last_updated_timestamp BIGINT 1 0", "project_proto BLOB 1 0");
      assertThat(tableInfo(c, "entities")).containsExactly(
          "entity_name VARCHAR(255) 1 1", "project_id VARCHAR(255) 1 2", "last_updated_timestamp BIGINT 1 0", "entity_proto BLOB 1 0");
      assertThat(tableInfo(c, "feature_views")).containsExactly(
          "feature_view_name VARCHAR(255) 1 1", "project_id VARCHAR(255) 1 2", "last_updated_timestamp BIGINT 1 0",
          "materialized_intervals BLOB 0 0", "feature_view_proto BLOB 1 0", "user_metadata BLOB 0 0");
      for (String view : List.of("stream_feature_views", "on_demand_feature_views", "label_views")) {
        assertThat(tableInfo(c, view)).as(view).containsExactly(
            "feature_view_name VARCHAR(255) 1 1", "project_id VARCHAR(255) 1 2", "last_updated_timestamp BIGINT 1 0",
            "feature_view_proto BLOB 1 0", "user_metadata BLOB 0 0");
      }
      for (String[] t : new String[][] {{"data_sources", "data_source"}, {"feature_services", "feature_service"},
          {"saved_datasets", "saved_dataset"}, {"validation_references", "validation_reference"}, {"permissions", "permission"}}) {
        assertThat(tableInfo(c, t[0])).as(t[0]).containsExactly(
            t[1] + "_name VARCHAR(255) 1 1", "project_id VARCHAR(255) 1 2", "last_updated_timestamp BIGINT 1 0", t[1] + "_proto BLOB 1 0");
      }
      assertThat(tableInfo(c, "managed_infra")).containsExactly(
          "infra_name VARCHAR(255) 1 1", "project_id VARCHAR(255) 1 2", "last_updated_timestamp BIGINT 1 0", "infra_proto BLOB 1 0");
      assertThat(tableInfo(c, "feature_view_version_history")).containsExactly(
          "feature_view_name VARCHAR(255) 1 1", "project_id VARCHAR(255) 1 2", "version_number INTEGER 1 3",
          "feature_view_type VARCHAR(50) 1 0", "feature_view_proto BLOB 1 0", "created_timestamp BIGINT 1 0",
          "description TEXT 0 0", "version_id VARCHAR(36) 1 0");
      assertThat(tableInfo(c, "feast_metadata")).containsExactly(
          "project_id VARCHAR(255) 1 1", "metadata_key VARCHAR(50) 1 2", "metadata_value TEXT 1 0", "last_updated_timestamp BIGINT 1 0");
      assertThat(column(c, "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'idx_%' ORDER BY name")).contains(
          "idx_entities_project_id", "idx_feast_metadata_project_id", "idx_fv_version_history_project_id", "idx_label_views_project_id",
          "idx_projects_project_id", "idx_permissions_project_id", "idx_managed_infra_project_id");
    }
  }

  private static void insert(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }

  private static List<String> tables(Connection c) throws SQLException {
    return column(c, "SELECT name FROM sqlite_master WHERE type = 'table'");
  }

  private static List<String> tableInfo(Connection c, String table) throws SQLException {
    return column(c, "SELECT name || ' ' || type || ' ' || \"notnull\" || ' ' || pk FROM pragma_table_info('" + table + "')");
  }

  private static List<String> column(Connection c, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }

  private static byte[] blob(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getBytes(1);
    }
  }
}
