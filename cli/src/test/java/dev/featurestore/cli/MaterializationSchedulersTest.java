package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.materializer.InMemoryMaterializationRunStore;
import dev.featurestore.materializer.JdbcMaterializationRunStore;
import dev.featurestore.materializer.JobStoreDatabase;
import dev.featurestore.materializer.MaterializerConfigParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which databases the scheduler's history and job store use, from feature_store.yaml. */
class MaterializationSchedulersTest {
  private static final Path REPO = Path.of("/repo");

  @Test
  void theJdbcJobStoreDefaultsToAPostgresRegistry() {
    RepoConfig repo = repo("sql", "postgresql+psycopg://feast:s%40cret@db:5433/feast");

    Optional<JobStoreDatabase> database = MaterializationSchedulers.jobStoreDatabase(
        repo, MaterializerConfigParser.parse(Map.of("job_store", "jdbc")));

    assertThat(database).contains(new JobStoreDatabase("jdbc:postgresql://db:5433/feast",
        Optional.of("feast"), Optional.of("s@cret"), "postgresql+psycopg://feast@db:5433/feast"));
  }

  @Test
  void jobStoreUrlWinsAndMustBePostgres() {
    RepoConfig repo = repo("sql", "sqlite:///data/registry.db");

    assertThat(MaterializationSchedulers.jobStoreDatabase(repo, MaterializerConfigParser.parse(
            Map.of("job_store", "jdbc", "job_store_url", "postgresql://q@jobs/quartz"))))
        .map(JobStoreDatabase::jdbcUrl).contains("jdbc:postgresql://jobs:5432/quartz");
    assertThatThrownBy(() -> MaterializationSchedulers.jobStoreDatabase(
            repo, MaterializerConfigParser.parse(Map.of("job_store", "jdbc"))))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageStartingWith("feature_store.yaml: materializer.job_store: jdbc runs on PostgreSQL only,"
            + " but registry.path is sqlite:///data/registry.db");
    assertThat(MaterializationSchedulers.jobStoreDatabase(repo, MaterializerConfigParser.parse(Map.of())))
        .isEmpty();
  }

  @Test
  void historyLivesInTheSqlRegistryElseInMemory() {
    assertThat(MaterializationSchedulers.runStore(
            repo("sql", "sqlite:///data/registry.db"), MaterializerConfigParser.parse(Map.of())))
        .isInstanceOf(JdbcMaterializationRunStore.class);
    assertThat(MaterializationSchedulers.runStore(
            repo("file", "data/registry.pb"), MaterializerConfigParser.parse(Map.of())))
        .isInstanceOf(InMemoryMaterializationRunStore.class);
    assertThat(MaterializationSchedulers.runStore(
            repo("sql", "sqlite:///data/registry.db"), MaterializerConfigParser.parse(Map.of("history", false))))
        .isInstanceOf(InMemoryMaterializationRunStore.class);
  }

  private static RepoConfig repo(String registryType, String path) {
    return new RepoConfig("p", "local",
        new RegistryConfig(registryType, path, Duration.ofSeconds(600), "sync", false),
        new StoreConfig("online_store", "sqlite", Map.of()), new StoreConfig("offline_store", "file", Map.of()),
        3, Map.of(), Map.of(), Map.of(), Map.of(), REPO, List.of());
  }
}
