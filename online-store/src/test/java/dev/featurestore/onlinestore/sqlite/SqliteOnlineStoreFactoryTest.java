package dev.featurestore.onlinestore.sqlite;

import static dev.featurestore.testing.OnlineStoreTestData.int64;
import static dev.featurestore.testing.OnlineStoreTestData.row;
import static dev.featurestore.testing.OnlineStoreTestData.timestamp;
import static dev.featurestore.testing.OnlineStoreTestData.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineStoreFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteOnlineStoreFactoryTest {

  @TempDir Path repo;

  @Test
  void isFoundByTypeAndResolvesTheDefaultPathInTheRepository() {
    OnlineStoreFactory factory =
        ServiceLoader.load(OnlineStoreFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.type().equals("sqlite"))
            .findFirst()
            .orElseThrow();

    try (OnlineStore store = factory.create(config(Map.of()))) {
      store.write(
          "p",
          "v",
          List.of(row(user("u1"), timestamp("2024-01-15T12:00:00Z"), Map.of("x", int64(1)))));
      assertThat(store).isInstanceOf(SqliteOnlineStore.class);
      assertThat(((SqliteOnlineStore) store).file()).isEqualTo(repo.resolve("data/online.db"));
    }
    assertThat(repo.resolve("data/online.db")).exists();
  }

  @Test
  void takesARelativeOrAbsolutePath() {
    SqliteOnlineStoreFactory factory = new SqliteOnlineStoreFactory();
    try (OnlineStore store = factory.create(config(Map.of("path", "state/feast.db")))) {
      assertThat(((SqliteOnlineStore) store).file()).isEqualTo(repo.resolve("state/feast.db"));
    }
    Path absolute = repo.resolve("elsewhere/online.db").toAbsolutePath();
    try (OnlineStore store = factory.create(config(Map.of("path", absolute.toString())))) {
      assertThat(((SqliteOnlineStore) store).file()).isEqualTo(absolute);
    }
  }

  private RepoConfig config(Map<String, Object> onlineOptions) {
    return new RepoConfig(
        "p",
        "local",
        new RegistryConfig("file", "data/registry.db", Duration.ofSeconds(600), "sync", false),
        new StoreConfig("online_store", "sqlite", onlineOptions),
        new StoreConfig("offline_store", "file", Map.of()),
        3,
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        repo,
        List.of());
  }
}
