package dev.featurestore.offlinestore.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.OfflineStoreFactory;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.proto.FeastTypeMapper;
import dev.featurestore.testing.AbstractOfflineStoreContractTest;
import dev.featurestore.testing.TestingPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract on a private PostgreSQL server, plus what only PostgreSQL sources have. */
class PostgresOfflineStoreIT extends AbstractOfflineStoreContractTest {

  private static final Field USER_ID = Field.of("user_id", FeastTypeMapper.primitive(ValueType.STRING));
  private static final Field SCORE = Field.of("score", FeastTypeMapper.primitive(ValueType.INT64));

  private static TestingPostgresServer server;
  private static String database;

  @BeforeAll
  static void createDatabase() {
    server = TestingPostgresServer.shared();
    database = server.createDatabase("offline_store");
  }

  @Override
  protected OfflineStore createStore() {
    return create(Map.of("sslmode", "disable"));
  }

  @Override
  protected DataSource.Options sourceOptions(String table) {
    return new DataSource.PostgresOptions(table, null);
  }

  @Override
  protected void load(String table, List<Column> columns, List<List<Object>> rows) {
    String definition = String.join(", ", columns.stream()
        .map(c -> PostgresSql.identifier(c.name()) + " " + type(c.type())).toList());
    String marks = String.join(", ", columns.stream().map(c -> "?").toList());
    try (Connection connection = server.connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + table + " (" + definition + ")");
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO " + table + " VALUES (" + marks + ")")) {
        for (List<Object> row : rows) {
          for (int i = 0; i < row.size(); i++) {
            Object value = row.get(i);
            insert.setObject(i + 1,
                value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aQuerySourceIsReadAsASubquery() {
    String table = table();
    load(table, List.of(col("user_id", ColumnType.STRING), col("score", ColumnType.INT64),
            col("event_timestamp", ColumnType.TIMESTAMP)),
        List.of(row("u1", 1L, at("01:00")), row("u1", 2L, at("02:00")), row("u2", 3L, at("01:00"))));
    DataSource source = new DataSource("query_source", "event_timestamp", "", "", Map.of(), null,
        new DataSource.PostgresOptions(null,
            "SELECT user_id, score * 10 AS score, event_timestamp FROM " + table
                + " WHERE user_id <> 'u2'"));
    FeatureView view = new FeatureView("query_view", List.of("user"), List.of(SCORE),
        List.of(USER_ID), null, true, false, source, java.util.Optional.empty(), null);

    List<OnlineWriteRow> rows = pull(request(view, START, END));

    assertThat(rows).singleElement()
        .satisfies(r -> assertThat(r.values().get("score").getInt64Val()).isEqualTo(20));
  }

  @Test
  void aTimestampWithoutZoneIsReadAsUtc() throws SQLException {
    String table = table();
    try (Connection connection = server.connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + table
          + " (user_id text, score int8, event_timestamp timestamp)");
      statement.execute("INSERT INTO " + table + " VALUES ('u1', 1, '2024-01-01 00:00:00')");
    }
    FeatureView view = view(table, "", Map.of(), List.of(USER_ID), SCORE);

    List<OnlineWriteRow> rows = pull(request(view, START, END));

    assertThat(rows).singleElement()
        .satisfies(r -> assertThat(r.eventTimestamp().getSeconds()).isEqualTo(START.getEpochSecond()));
  }

  @Test
  void sslmodeDefaultsToRequireAsFeastDoes() {
    Map<String, Object> options = base();
    PostgresOfflineStoreConfig config =
        PostgresOfflineStoreConfig.of(new StoreConfig("offline_store", "postgres", options));
    assertThat(config.sslMode()).isEqualTo("require");
    assertThat(config.schema()).isEqualTo("public");
    assertThat(config.toString()).doesNotContain("secret");

    String table = table();
    load(table, List.of(col("user_id", ColumnType.STRING), col("score", ColumnType.INT64),
        col("event_timestamp", ColumnType.TIMESTAMP)), List.of(row("u1", 1L, at("01:00"))));
    FeatureView view = view(table, "", Map.of(), List.of(USER_ID), SCORE);
    // The test server has no TLS, so requiring it fails to connect: retriable, not a user error.
    try (OfflineStore strict = new PostgresOfflineStore(config)) {
      assertThatThrownBy(() -> strict.checkPull(request(view, START, END)))
          .isInstanceOf(FeatureStoreException.class)
          .satisfies(e -> assertThat(((FeatureStoreException) e).code())
              .isEqualTo(ErrorCode.OFFLINE_STORE_UNAVAILABLE));
    }
  }

  @Test
  void aMissingRequiredKeyIsInvalidConfig() {
    Map<String, Object> options = new HashMap<>(base());
    options.remove("host");
    assertThatThrownBy(() -> PostgresOfflineStoreConfig.of(
            new StoreConfig("offline_store", "postgres", options)))
        .hasMessageContaining("offline_store.host")
        .satisfies(e -> assertThat(((FeatureStoreException) e).code())
            .isEqualTo(ErrorCode.INVALID_CONFIG));
  }

  @Test
  void aSourceOfAnotherKindIsRejected() {
    DataSource source = new DataSource("file_source", "event_timestamp", "", "", Map.of(), null,
        new DataSource.FileOptions("data.parquet", null, null));
    FeatureView view = new FeatureView("file_view", List.of("user"), List.of(SCORE),
        List.of(USER_ID), null, true, false, source, java.util.Optional.empty(), null);

    assertThatThrownBy(() -> store.checkPull(request(view, START, END)))
        .hasMessageContaining("PostgreSQLSources only")
        .satisfies(e -> assertThat(((FeatureStoreException) e).code())
            .isEqualTo(ErrorCode.INVALID_DEFINITION));
  }

  @Test
  void theFactoryServesPostgres() {
    Map<String, OfflineStoreFactory> factories = new HashMap<>();
    ServiceLoader.load(OfflineStoreFactory.class).forEach(f -> factories.put(f.type(), f));
    assertThat(factories).containsKey("postgres");
  }

  private OfflineStore create(Map<String, Object> extra) {
    Map<String, Object> options = new HashMap<>(base());
    options.putAll(extra);
    Map<String, OfflineStoreFactory> factories = new HashMap<>();
    ServiceLoader.load(OfflineStoreFactory.class).forEach(f -> factories.put(f.type(), f));
    return factories.get("postgres").create(new RepoConfig(
        "test", "local", new RegistryConfig("file", "data/registry.db", null, null, false),
        new StoreConfig("online_store", "sqlite", Map.of()),
        new StoreConfig("offline_store", "postgres", options),
        3, Map.of(), Map.of(), Map.of(), Map.of(), Path.of("."), List.of()));
  }

  private static Map<String, Object> base() {
    return Map.of("host", server.host(), "port", server.port(), "database", database,
        "user", server.user(), "password", "secret");
  }

  private static String type(ColumnType type) {
    return switch (type) {
      case STRING -> "text";
      case INT32 -> "int4";
      case INT64 -> "int8";
      case FLOAT32 -> "float4";
      case FLOAT64 -> "float8";
      case BOOL -> "boolean";
      case BYTES -> "bytea";
      case TIMESTAMP -> "timestamptz";
    };
  }
}
