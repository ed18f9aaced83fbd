package dev.featurestore.offlinestore.postgres;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code offline_store} block of {@code type: postgres}, with the keys and defaults of Feast's
 * {@code infra/utils/postgres/postgres_config.py}: {@code sslmode} defaults to {@code require} as
 * in Feast (a local server without TLS needs {@code sslmode: disable}), {@code db_schema} to
 * {@code public}. {@code min_conn} and {@code conn_type} are read by Feast's pool only; here each
 * pull opens its own connection and {@code max_conn} caps how many are open at once.
 */
public record PostgresOfflineStoreConfig(
    String host,
    int port,
    String database,
    String schema,
    String user,
    String password,
    String sslMode,
    Optional<String> sslKeyPath,
    Optional<String> sslCertPath,
    Optional<String> sslRootCertPath,
    int maxConnections) {

  public PostgresOfflineStoreConfig {
    requireNonNull(host, "host is null");
    requireNonNull(database, "database is null");
    requireNonNull(schema, "schema is null");
    requireNonNull(user, "user is null");
    requireNonNull(password, "password is null");
    requireNonNull(sslMode, "sslMode is null");
    requireNonNull(sslKeyPath, "sslKeyPath is null");
    requireNonNull(sslCertPath, "sslCertPath is null");
    requireNonNull(sslRootCertPath, "sslRootCertPath is null");
    if (maxConnections <= 0) {
      throw new FeatureStoreException(ErrorCode.INVALID_CONFIG,
          "feature_store.yaml: offline_store.max_conn must be positive, got " + maxConnections);
    }
  }

  /** Reads the block; a missing required key is INVALID_CONFIG naming it. */
  public static PostgresOfflineStoreConfig of(StoreConfig store) {
    return new PostgresOfflineStoreConfig(
        required(store, "host"),
        store.integer("port", 5432),
        required(store, "database"),
        store.string("db_schema", "public"),
        required(store, "user"),
        store.string("password", ""),
        store.string("sslmode", "require"),
        store.string("sslkey_path"),
        store.string("sslcert_path"),
        store.string("sslrootcert_path"),
        store.integer("max_conn", 10));
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /**
   * The driver properties: TLS settings passed through; the session's search path as Feast sets
   * it ({@code db_schema}, then {@code public}); and the session time zone UTC, so a {@code
   * timestamp} column without a zone is read as UTC, as Feast's other stores read it.
   */
  Properties connectionProperties() {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("sslmode", sslMode);
    sslKeyPath.ifPresent(v -> properties.setProperty("sslkey", v));
    sslCertPath.ifPresent(v -> properties.setProperty("sslcert", v));
    sslRootCertPath.ifPresent(v -> properties.setProperty("sslrootcert", v));
    String searchPath = schema.isBlank() ? user : schema.strip();
    if (!searchPath.equals("public")) {
      searchPath += ",public";
    }
    properties.setProperty("options", "-c search_path=" + searchPath + " -c TimeZone=UTC");
    properties.setProperty("ApplicationName", "featurestore-offline");
    return properties;
  }

  private static String required(StoreConfig store, String key) {
    return store.string(key).orElseThrow(() -> new FeatureStoreException(ErrorCode.INVALID_CONFIG,
        "feature_store.yaml: offline_store." + key + " is required for type postgres"));
  }

  @Override
  public String toString() {
    // Never print the password.
    return "PostgresOfflineStoreConfig[" + user + "@" + host + ":" + port + "/" + database
        + ", sslmode=" + sslMode + "]";
  }
}
