package dev.featurestore.onlineserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.onlinestore.sqlite.SqliteOnlineStoreFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on Feast's embedded default, a SQLite online store file. */
class OnlineServerSqliteIT extends AbstractRealStoreServerIT {
  @TempDir static Path repo;

  @Override
  protected OnlineStore createStore() {
    RepoConfig config = new RepoConfig(TestingRepo.PROJECT, "local",
        new RegistryConfig("file", "data/registry.db", Duration.ofSeconds(600), "sync", false),
        new StoreConfig("online_store", "sqlite", Map.of("path", "data/online.db")),
        new StoreConfig("offline_store", "file", Map.of()), 3, Map.of(), Map.of(), Map.of(), Map.of(), repo, List.of());
    return new SqliteOnlineStoreFactory().create(config);
  }

  /** Feast's SQLite layout keeps event times as INTEGER epoch seconds: the fraction is dropped. */
  @Override
  protected Timestamp stored(Timestamp written) {
    return Timestamp.newBuilder().setSeconds(written.getSeconds()).build();
  }

  @Test
  void rowsLiveInFeastsTablePerView() throws Exception {
    Path db = repo.resolve("data/online.db");
    assertThat(Files.exists(db)).isTrue();
    try (var connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        var query = connection.createStatement().executeQuery(
            "SELECT hex(entity_key), feature_name, hex(value) FROM \"demo_driver_hourly_stats\" ORDER BY 1, 2")) {
      // Entity key v3 without the project (feast-compat.md §4): n=1, "driver_id", INT64 1001.
      assertThat(query.next()).isTrue();
      assertThat(query.getString(1)).isEqualTo("01000000" + "02000000" + "09000000" + "6472697665725F6964"
          + "04000000" + "08000000" + "E903000000000000");
      assertThat(query.getString(2)).isEqualTo("acc_rate");
      assertThat(query.getString(3)).isEqualTo("35CDCCCC3D"); // float_val 0.1f
    }
  }
}
