package dev.featurestore.registry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.testing.RegistryTestObjects;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.featurestore.testing.AbstractRegistryStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteRegistryStoreTest extends AbstractRegistryStoreContractTest {

  @TempDir Path repo;

  @Override
  protected RegistryStore createStore() {
    return new JooqRegistryStore(SqlAlchemyUrl.parse("sqlite:///data/registry.db", repo), false);
  }

  @Override
  protected RegistryStore reopenStore() {
    return createStore();
  }

  @Test
  void anUnreadableRowNamesTableAndObject() throws Exception {
    store.apply(PROJECT, List.of(RegistryTestObjects.create(RegistryObjectKind.ENTITY, PROJECT, "user", "v1")), T1);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + repo.resolve("data/registry.db"));
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE entities SET entity_proto = X'0a7f01' WHERE entity_name = 'user'");
    }
    assertThatThrownBy(() -> store.read(PROJECT))
        .isInstanceOfSatisfying(FeatureStoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_REGISTRY))
        .hasMessageContaining("registry table entities")
        .hasMessageContaining("feast.core.Entity for 'user' in project '" + PROJECT + "'");
  }

  @Test
  void aClosedStoreIsUnavailable() {
    store.close();
    assertThatThrownBy(() -> store.read(PROJECT))
        .isInstanceOfSatisfying(FeatureStoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.REGISTRY_UNAVAILABLE));
  }
}
