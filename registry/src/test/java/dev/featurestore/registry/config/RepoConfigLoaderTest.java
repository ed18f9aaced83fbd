package dev.featurestore.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoConfigLoaderTest {
  @TempDir Path repo;

  private RepoConfig load(String yaml) throws IOException {
    return load(yaml, Map.of());
  }

  private RepoConfig load(String yaml, Map<String, String> env) throws IOException {
    Path file = Files.writeString(repo.resolve("feature_store.yaml"), yaml);
    return RepoConfigLoader.load(file, env);
  }

  /** Our own equivalent of the feature_store.yaml that `feast init` writes. */
  @Test
  void readsTheLocalTemplate() throws IOException {
    RepoConfig config =
        load(
            """
            project: driver_stats
            # a file registry by default
            registry: data/registry.db
            provider: local
            online_store:
                type: sqlite
                path: data/online_store.db
            entity_key_serialization_version: 3
            auth:
                type: no_auth
            """);

    assertThat(config.project()).isEqualTo("driver_stats");
    assertThat(config.provider()).isEqualTo("local");
    assertThat(config.registry().registryType()).isEqualTo("file");
    assertThat(config.registry().path()).isEqualTo("data/registry.db");
    assertThat(config.registry().cacheTtl()).isEqualTo(Duration.ofSeconds(600));
    assertThat(config.onlineStore().type()).isEqualTo("sqlite");
    assertThat(config.onlineStore().string("path")).contains("data/online_store.db");
    assertThat(config.resolve(config.onlineStore().string("path").orElseThrow()))
        .isEqualTo(repo.toAbsolutePath().normalize().resolve("data/online_store.db"));
    assertThat(config.offlineStore().type()).isEqualTo("file");
    assertThat(config.entityKeySerializationVersion()).isEqualTo(3);
    assertThat(config.auth()).containsExactly(Map.entry("type", "no_auth"));
    assertThat(config.repoPath()).isEqualTo(repo.toAbsolutePath().normalize());
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void fillsFeastDefaults() throws IOException {
    RepoConfig config = load("project: p\nregistry: registry.db\n");

    assertThat(config.provider()).isEqualTo("local");
    assertThat(config.onlineStore().block()).isEqualTo("online_store");
    assertThat(config.onlineStore().type()).isEqualTo("sqlite");
    assertThat(config.onlineStore().options()).containsExactly(Map.entry("path", "data/online.db"));
    assertThat(config.offlineStore().type()).isEqualTo("file");
    assertThat(config.offlineStore().options()).isEmpty();
    assertThat(config.batchEngine().type()).isEqualTo("local");
    assertThat(config.entityKeySerializationVersion()).isEqualTo(3);
    assertThat(config.coerceTzAware()).isTrue();
    assertThat(config.materialization()).containsExactly(Map.entry("pull_latest_features", false));
    assertThat(config.featureServer()).isEmpty();
    assertThat(config.auth()).containsExactly(Map.entry("type", "no_auth"));
    assertThat(config.server()).isEmpty();
    assertThat(config.materializer()).isEmpty();
    assertThat(config.registry().cacheMode()).isEqualTo("sync");
    assertThat(config.registry().schemaMode()).isEqualTo("auto");
    assertThat(config.registry().purgeFeastMetadata()).isFalse();
    assertThat(config.registry().enableOnlineFeatureViewVersioning()).isFalse();
    assertThat(config.projectDescription()).isEmpty();
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void onlineStoreMappingWithoutTypeIsSqlite() throws IOException {
    RepoConfig config = load("project: p\nregistry: r.db\nonline_store:\n  path: blah\n");

    assertThat(config.onlineStore().type()).isEqualTo("sqlite");
    assertThat(config.onlineStore().string("path")).contains("blah");
  }

  @Test
  void nullOnlineStoreMeansNoStoreAsInFeast() throws IOException {
    assertThat(load("project: p\nregistry: r.db\nonline_store: null\n").onlineStore().type())
        .isEqualTo("none");
    assertThat(load("project: p\nregistry: r.db\nonline_store: None\n").onlineStore().type())
        .isEqualTo("none");
    assertThat(load("project: p\nregistry: r.db\noffline_store:\n").offlineStore().type())
        .isEqualTo("none");
  }

  @Test
  void readsTheRedisClusterExampleWithAnExpandedPassword() throws IOException {
    RepoConfig config =
        load(
            """
            project: bnpl
            registry:
              registry_type: sql
              path: postgresql+psycopg://feast:${PG_PASSWORD}@db:5432/feast
              cache_ttl_seconds: 60
            online_store:
              type: redis
              redis_type: redis_cluster
              connection_string: "r1:6379,r2:6379,ssl=true,password=${REDIS_PASSWORD}"
              key_ttl_seconds: 86400
            entity_key_serialization_version: 3
            """,
            Map.of("REDIS_PASSWORD", "s3cr=t", "PG_PASSWORD", "pg"));

    assertThat(config.onlineStore().type()).isEqualTo("redis");
    assertThat(config.onlineStore().options())
        .containsEntry("redis_type", "redis_cluster")
        .containsEntry("connection_string", "r1:6379,r2:6379,ssl=true,password=s3cr=t")
        .containsEntry("key_ttl_seconds", 86400)
        .containsEntry("sentinel_master", "mymaster")
        .containsEntry("full_scan_for_deletion", true)
        .containsEntry("skip_dedup", false);
    assertThat(config.registry().path()).isEqualTo("postgresql+psycopg://feast:pg@db:5432/feast");
    assertThat(config.registry().cacheTtl()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void unsetVariableStaysLiteral() throws IOException {
    RepoConfig config =
        load(
            """
            project: p
            registry: r.db
            online_store:
              type: redis
              connection_string: "r1:6379,password=${REDIS_PASSWORD}"
            """);

    assertThat(config.onlineStore().string("connection_string"))
        .contains("r1:6379,password=${REDIS_PASSWORD}");
  }

  @Test
  void readsSqlRegistryOnSqlite() throws IOException {
    RepoConfig config =
        load(
            """
            project: p
            registry:
              registry_type: sql
              path: sqlite:///data/registry.db
              cache_ttl_seconds: 0
              cache_mode: thread
              purge_feast_metadata: true
              sqlalchemy_config_kwargs:
                echo: false
                pool_pre_ping: true
            """);

    assertThat(config.registry().registryType()).isEqualTo("sql");
    assertThat(config.registry().path()).isEqualTo("sqlite:///data/registry.db");
    assertThat(config.registry().cacheTtl()).isEqualTo(Duration.ZERO);
    assertThat(config.registry().cacheMode()).isEqualTo("thread");
    assertThat(config.registry().purgeFeastMetadata()).isTrue();
    assertThat(config.registry().options())
        .containsEntry("sqlalchemy_config_kwargs", Map.of("echo", false, "pool_pre_ping", true));
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void keepsABarePostgresqlUrlAsWritten() throws IOException {
    RepoConfig config =
        load(
            """
            project: p
            registry:
              registry_type: sql
              path: postgresql://u:p@localhost:5432/feast
              read_path: postgresql://u:p@replica:5432/feast
              schema_mode: verify
              thread_pool_executor_worker_count: 4
              enable_online_feature_view_versioning: true
            """);

    assertThat(config.registry().path()).isEqualTo("postgresql://u:p@localhost:5432/feast");
    assertThat(config.registry().readPath()).contains("postgresql://u:p@replica:5432/feast");
    assertThat(config.registry().schemaMode()).isEqualTo("verify");
    assertThat(config.registry().enableOnlineFeatureViewVersioning()).isTrue();
    assertThat(config.registry().options())
        .containsExactly(Map.entry("thread_pool_executor_worker_count", 4));
  }

  @Test
  void keepsUnknownRegistryTypesAndTheirKeys() throws IOException {
    RepoConfig config =
        load(
            """
            project: p
            registry:
              registry_type: remote
              path: http://registry:6570
              is_tls: true
            """);

    assertThat(config.registry().registryType()).isEqualTo("remote");
    assertThat(config.registry().options()).containsExactly(Map.entry("is_tls", true));
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void normalisesOfflineStoreAliases() throws IOException {
    assertThat(load("project: p\nregistry: r.db\noffline_store: dask\n").offlineStore().type())
        .isEqualTo("file");
    assertThat(
            load("project: p\nregistry: r.db\noffline_store:\n  type: dask\n")
                .offlineStore()
                .type())
        .isEqualTo("file");
    RepoConfig classPath =
        load(
            "project: p\nregistry: r.db\nonline_store:\n"
                + "  type: feast.infra.online_stores.sqlite.SqliteOnlineStore\n");
    assertThat(classPath.onlineStore().type()).isEqualTo("sqlite");
  }

  @Test
  void readsPostgresOfflineStoreWithDefaults() throws IOException {
    RepoConfig config =
        load(
            """
            project: p
            registry: r.db
            offline_store:
              type: postgres
              host: localhost
              port: "5433"
              database: feast
              user: feast
              password: "${PG_PASSWORD}"
            """,
            Map.of("PG_PASSWORD", "12345"));

    assertThat(config.offlineStore().options())
        .containsEntry("port", 5433)
        .containsEntry("password", "12345")
        .containsEntry("sslmode", "require")
        .containsEntry("db_schema", "public")
        .containsEntry("min_conn", 1)
        .containsEntry("max_conn", 10)
        .containsEntry("conn_type", "singleton")
        .containsEntry("entity_select_mode", "temp_table");
    assertThat(config.offlineStore().integer("port", 5432)).isEqualTo(5433);
  }

  @Test
  void readsDuckDbAndBigQuery() throws IOException {
    RepoConfig duck =
        load(
            "project: p\n"
                + "registry: r.db\n"
                + "offline_store:\n"
                + "  type: duckdb\n"
                + "  staging_location: s3://b\n");
    assertThat(duck.offlineStore().options())
        .containsExactly(Map.entry("staging_location", "s3://b"));

    RepoConfig bq =
        load(
            "project: p\nregistry: gs://bucket/registry.pb\noffline_store:\n  type: bigquery\n"
                + "  project_id: my-gcp\n  location: EU\n");
    assertThat(bq.offlineStore().options())
        .containsEntry("dataset", "feast")
        .containsEntry("project_id", "my-gcp")
        .containsEntry("location", "EU")
        .containsEntry("table_create_disposition", "CREATE_IF_NEEDED");
    assertThat(bq.registry().path()).isEqualTo("gs://bucket/registry.pb");
  }

  @Test
  void keepsOptionsOfStoreTypesWeDoNotKnow() throws IOException {
    RepoConfig config =
        load(
            """
            project: p
            registry: r.db
            online_store:
              type: snowflake.online
              account: xy
              warehouse_size: 3
            """);

    assertThat(config.onlineStore().type()).isEqualTo("snowflake.online");
    assertThat(config.onlineStore().options())
        .containsOnly(Map.entry("account", "xy"), Map.entry("warehouse_size", 3));
  }

  @Test
  void keepsOurOwnSectionsAndFeastsSmallerOnes() throws IOException {
    RepoConfig config =
        load(
            """
            project: p
            project_description: BNPL risk features
            registry: r.db
            coerce_tz_aware: false
            materialization:
              online_write_batch_size: 1000
            feature_server:
              enabled: true
              metrics:
                enabled: true
            batch_engine: local
            server:
              rest_port: 8000
              grpc:
                port: 50051
            materializer:
              schedule: "0 */5 * * * ?"
            """);

    assertThat(config.projectDescription()).contains("BNPL risk features");
    assertThat(config.coerceTzAware()).isFalse();
    assertThat(config.materialization())
        .containsEntry("online_write_batch_size", 1000)
        .containsEntry("pull_latest_features", false);
    assertThat(config.featureServer())
        .containsEntry("type", "local")
        .containsEntry("enabled", true)
        .containsEntry("metrics", Map.of("enabled", true))
        .containsEntry("transformation_service_endpoint", "localhost:6569");
    assertThat(config.server()).containsEntry("rest_port", 8000);
    assertThat(config.server()).containsEntry("grpc", Map.of("port", 50051));
    assertThat(config.materializer()).containsEntry("schedule", "0 */5 * * * ?");
    assertThat(config.warnings()).isEmpty();
  }

  @Test
  void mergeKeysAndAnchorsWorkAsInPyYaml() throws IOException {
    RepoConfig config =
        load(
            """
            project: p
            registry: r.db
            server: &base
              rest_port: 8000
            materializer:
              <<: *base
              threads: 2
            """);

    assertThat(config.materializer()).containsEntry("rest_port", 8000).containsEntry("threads", 2);
  }

  @Test
  void loadsFromTheRepositoryFolder() throws IOException {
    Files.writeString(repo.resolve("feature_store.yaml"), "project: p\nregistry: r.db\n");

    assertThat(RepoConfigLoader.load(repo).project()).isEqualTo("p");
  }

  @Test
  void missingFileNamesTheFolderAndTheWayOut() {
    Path empty = repo.resolve("nothing-here");

    assertThatThrownBy(() -> RepoConfigLoader.load(empty))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessage(
            "no feature_store.yaml in "
                + empty.toAbsolutePath()
                + "; run featurestore init or pass -c DIR")
        .satisfies(
            e ->
                assertThat(((FeatureStoreException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIG));
  }
}
