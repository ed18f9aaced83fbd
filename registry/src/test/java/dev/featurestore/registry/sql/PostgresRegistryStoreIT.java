package dev.featurestore.registry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.registry.RegistryStores;
import dev.featurestore.registry.TestRepoConfigs;
import dev.featurestore.testing.AbstractRegistryStoreContractTest;
import dev.featurestore.testing.TestingPostgresServer;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.testing.RegistryTestObjects;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresRegistryStoreIT extends AbstractRegistryStoreContractTest {

  private final TestingPostgresServer server = TestingPostgresServer.shared();
  private String url;

  @Override
  protected RegistryStore createStore() {
    String database = server.createDatabase("registry");
    url = "postgresql+psycopg://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + database;
    assertThat(SqlAlchemyUrl.parse(url, Path.of(".")).jdbcUrl()).isEqualTo(server.jdbcUrl(database));
    return reopenStore();
  }

  @Override
  protected RegistryStore reopenStore() {
    return RegistryStores.open(TestRepoConfigs.withRegistry(Path.of("."), "sql", url));
  }

  @Test
  void unreachableDatabaseIsUnavailableWithoutThePassword() {
    String dead = "postgresql://feast:s3cret@127.0.0.1:1/registry";
    assertThatThrownBy(() -> RegistryStores.open(TestRepoConfigs.withRegistry(Path.of("."), "sql", dead)))
        .isInstanceOfSatisfying(FeatureStoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY_UNAVAILABLE))
        .hasMessageStartingWith("registry database postgresql://feast@127.0.0.1:1/registry unreachable: ")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void adoptsTablesFeastCreatedFirst() throws Exception {
    String database = server.createDatabase("feast_first");
    try (Connection c = server.connect(database); Statement s = c.createStatement()) {
      // SQLAlchemy's DDL for PostgreSQL (LargeBinary = BYTEA), and a row as sql.py writes it.
      s.execute("CREATE TABLE entities (entity_name VARCHAR(255) NOT NULL, project_id VARCHAR(255) NOT NULL, "
          + "last_updated_timestamp BIGINT NOT NULL, entity_proto BYTEA NOT NULL, PRIMARY KEY (entity_name, project_id))");
      s.execute("CREATE INDEX idx_entities_project_id ON entities (project_id)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO entities VALUES ('user', ?, 1705320000, ?)")) {
        insert.setString(1, PROJECT);
        insert.setBytes(2, RegistryTestObjects.proto(RegistryObjectKind.ENTITY, "", "user", "from feast").toByteArray());
        insert.executeUpdate();
      }
    }
    url = "postgresql://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + database;
    try (RegistryStore adopted = reopenStore()) {
      assertThat(adopted.read(PROJECT).find(RegistryObjectKind.ENTITY, "user")).map(RegistryObject::proto)
          .contains(RegistryTestObjects.proto(RegistryObjectKind.ENTITY, PROJECT, "user", "from feast"));
      adopted.apply(PROJECT, List.of(RegistryTestObjects.update(RegistryObjectKind.ENTITY, PROJECT, "user", "ours")), T1);
    }
    try (Connection c = server.connect(database); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT string_agg(version, ',' ORDER BY installed_rank) FROM fs_schema_history")) {
      r.next();
      assertThat(r.getString(1)).isEqualTo("0,1,2,3");
    }
  }
}
