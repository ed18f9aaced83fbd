package dev.featurestore.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.registry.file.FileRegistryStore;
import dev.featurestore.registry.sql.JooqRegistryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryStoresTest {

  @TempDir Path repo;

  @Test
  void findsBothFactories() {
    assertThat(RegistryStores.factories()).containsOnlyKeys("file", "sql");
  }

  @Test
  void opensAFileRegistryRelativeToTheRepository() {
    try (RegistryStore store = RegistryStores.open(TestRepoConfigs.withRegistry(repo, "file", "data/registry.db"))) {
      assertThat(store).isInstanceOf(FileRegistryStore.class);
      assertThat(((FileRegistryStore) store).path()).isEqualTo(repo.resolve("data/registry.db"));
    }
  }

  @Test
  void opensAnSqliteRegistryCreatingItsFolder() {
    try (RegistryStore store = RegistryStores.open(TestRepoConfigs.withRegistry(repo, "sql", "sqlite:///nested/dir/registry.db"))) {
      assertThat(store).isInstanceOf(JooqRegistryStore.class);
      assertThat(store.projects()).isEmpty();
    }
    assertThat(Files.exists(repo.resolve("nested/dir/registry.db"))).isTrue();
  }

  @Test
  void unknownTypeNamesTheSupportedOnes() {
    assertThatThrownBy(() -> RegistryStores.open(TestRepoConfigs.withRegistry(repo, "remote", "localhost:6570")))
        .isInstanceOfSatisfying(FeatureStoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
        .hasMessage("registry_type 'remote' is not supported; supported: file, sql");
  }

  @Test
  void remoteFileRegistriesAreNotSupportedYet() {
    for (String path : new String[] {"gs://bucket/registry.db", "s3://bucket/registry.db"}) {
      assertThatThrownBy(() -> RegistryStores.open(TestRepoConfigs.withRegistry(repo, "file", path)))
          .isInstanceOfSatisfying(FeatureStoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
          .hasMessageContaining("not supported yet");
    }
  }

  @Test
  void aCorruptRegistryFileIsReportedAsSuch() throws Exception {
    Files.write(repo.resolve("registry.db"), new byte[] {0x0a, 0x7f, 0x01});
    try (RegistryStore store = RegistryStores.open(TestRepoConfigs.withRegistry(repo, "file", "registry.db"))) {
      assertThatThrownBy(() -> store.read("p"))
          .isInstanceOfSatisfying(FeatureStoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_REGISTRY))
          .hasMessageContaining(repo.resolve("registry.db").toString());
    }
  }
}
