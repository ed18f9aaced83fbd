package dev.featurestore.registry.config;

import static dev.featurestore.registry.config.ValueKind.BOOL;
import static dev.featurestore.registry.config.ValueKind.INT;
import static dev.featurestore.registry.config.ValueKind.MAP;
import static dev.featurestore.registry.config.ValueKind.STRICT_BOOL;
import static dev.featurestore.registry.config.ValueKind.STRICT_INT;
import static dev.featurestore.registry.config.ValueKind.STRING;

import java.util.List;
import java.util.Optional;

/**
 * The online and offline store types whose keys we check, with Feast's defaults. Keys and defaults
 * follow Feast's {@code infra/online_stores/{sqlite,redis}.py}, {@code
 * infra/offline_stores/{dask,duckdb,bigquery}.py}, {@code
 * infra/offline_stores/contrib/postgres_offline_store/postgres.py} and {@code
 * infra/utils/postgres/postgres_config.py}; the feature server's follow {@code
 * infra/feature_servers/base_config.py} and {@code local_process/config.py}. Types not listed here
 * keep their options unchecked.
 */
final class StoreTypes {

  static final String DEFAULT_ONLINE = "sqlite";
  static final String DEFAULT_OFFLINE = "file";

  /** The type of a store the file explicitly leaves out ({@code online_store: null}). */
  static final String NONE = "none";

  private static final KeySpec TYPE = KeySpec.of("type", STRING);

  private static final List<StoreType> ONLINE =
      List.of(
          new StoreType(
              "sqlite",
              List.of("feast.infra.online_stores.sqlite.SqliteOnlineStore"),
              List.of(
                  TYPE,
                  KeySpec.of("path", STRING, "data/online.db"),
                  KeySpec.of("text_search_enabled", BOOL),
                  KeySpec.of("enable_openai_compatible_store", BOOL),
                  // from Feast's VectorStoreConfig mixin
                  KeySpec.of("vector_enabled", BOOL),
                  KeySpec.of("similarity", STRING))),
          new StoreType(
              "redis",
              List.of("feast.infra.online_stores.redis.RedisOnlineStore"),
              List.of(
                  TYPE,
                  KeySpec.oneOf("redis_type", "redis", "redis_cluster", "redis_sentinel"),
                  KeySpec.of("sentinel_master", STRING, "mymaster"),
                  KeySpec.of("connection_string", STRING, "localhost:6379"),
                  KeySpec.of("key_ttl_seconds", INT),
                  KeySpec.of("full_scan_for_deletion", BOOL, true),
                  KeySpec.of("skip_dedup", BOOL, false))));

  private static final List<StoreType> OFFLINE =
      List.of(
          new StoreType(
              "file",
              List.of("dask", "feast.infra.offline_stores.dask.DaskOfflineStore"),
              List.of(TYPE)),
          new StoreType(
              "duckdb",
              List.of("feast.infra.offline_stores.duckdb.DuckDBOfflineStore"),
              List.of(
                  TYPE,
                  KeySpec.of("staging_location", STRING),
                  KeySpec.of("staging_location_endpoint_override", STRING))),
          new StoreType(
              "postgres",
              List.of(
                  "feast.infra.offline_stores.contrib.postgres_offline_store.postgres"
                      + ".PostgreSQLOfflineStore"),
              List.of(
                  TYPE,
                  KeySpec.required("host", STRING),
                  KeySpec.of("port", INT, 5432),
                  KeySpec.required("database", STRING),
                  KeySpec.of("db_schema", STRING, "public"),
                  KeySpec.required("user", STRING),
                  KeySpec.required("password", STRING),
                  KeySpec.of("sslmode", STRING, "require"),
                  KeySpec.of("sslkey_path", STRING),
                  KeySpec.of("sslcert_path", STRING),
                  KeySpec.of("sslrootcert_path", STRING),
                  KeySpec.of("keepalives_idle", INT),
                  KeySpec.of("min_conn", INT, 1),
                  KeySpec.of("max_conn", INT, 10),
                  KeySpec.oneOf("conn_type", "singleton", "pool"),
                  KeySpec.oneOf("entity_select_mode", "temp_table", "embed_query"))),
          new StoreType(
              "bigquery",
              List.of("feast.infra.offline_stores.bigquery.BigQueryOfflineStore"),
              List.of(
                  TYPE,
                  KeySpec.of("dataset", STRING, "feast"),
                  KeySpec.of("project_id", STRING),
                  KeySpec.of("billing_project_id", STRING),
                  KeySpec.of("location", STRING),
                  KeySpec.of("gcs_staging_location", STRING),
                  KeySpec.oneOf("table_create_disposition", "CREATE_IF_NEEDED", "CREATE_NEVER"))));

  /** Feast's feature server types; {@code mcp}'s keys are not checked. */
  static final List<String> FEATURE_SERVER_TYPES = List.of("local", "mcp");

  private static final List<StoreType> FEATURE_SERVER =
      List.of(
          new StoreType(
              "local",
              List.of(),
              List.of(
                  TYPE,
                  KeySpec.of("enabled", STRICT_BOOL, false),
                  KeySpec.of("metrics", MAP),
                  KeySpec.of("feature_logging", MAP),
                  KeySpec.of("offline_push_batching_enabled", STRICT_BOOL),
                  KeySpec.of("offline_push_batching_batch_size", STRICT_INT),
                  KeySpec.of("offline_push_batching_batch_interval_seconds", STRICT_INT),
                  KeySpec.of("transformation_service_endpoint", STRING, "localhost:6569"))));

  private StoreTypes() {}

  static Optional<StoreType> featureServer(String type) {
    return find(FEATURE_SERVER, type);
  }

  static Optional<StoreType> online(String type) {
    return find(ONLINE, type);
  }

  static Optional<StoreType> offline(String type) {
    return find(OFFLINE, type);
  }

  private static Optional<StoreType> find(List<StoreType> types, String type) {
    return types.stream()
        .filter(t -> t.name().equals(type) || t.aliases().contains(type))
        .findFirst();
  }
}
