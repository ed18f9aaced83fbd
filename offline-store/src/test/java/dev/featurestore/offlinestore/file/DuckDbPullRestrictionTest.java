package dev.featurestore.offlinestore.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.offline.SourceColumns;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.proto.FeastTypeMapper;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls restricted to a few entity keys: the restriction reaches DuckDB's SQL. */
class DuckDbPullRestrictionTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("2024-01-02T00:00:00Z");
  private static final FeastType INT64 = FeastTypeMapper.primitive(ValueType.INT64);
  private static final FeastType STRING = FeastTypeMapper.primitive(ValueType.STRING);
  private static final Field USER = Field.of("user_id", STRING);
  private static final Field REGION = Field.of("region", INT64);

  @TempDir Path repo;

  @Test
  void onlyTheRequestedEntitiesAreReturned() throws Exception {
    parquet("""
        SELECT * FROM (VALUES
          ('u1', 1, 10, TIMESTAMPTZ '2024-01-01 01:00:00+00'),
          ('u1', 1, 11, TIMESTAMPTZ '2024-01-01 02:00:00+00'),
          ('u1', 2, 20, TIMESTAMPTZ '2024-01-01 01:00:00+00'),
          ('o''brien', 2, 30, TIMESTAMPTZ '2024-01-01 01:00:00+00'),
          ('u3', 3, 40, TIMESTAMPTZ '2024-01-01 01:00:00+00'))
          AS t(uid, region, score, event_timestamp)""");
    PullLatestRequest request = request(List.of(key("u1", 1), key("o'brien", 2)));

    List<OnlineWriteRow> rows = pull(request);

    assertThat(rows).extracting(r -> r.values().get("score").getInt64Val()).containsExactlyInAnyOrder(11L, 30L);
    assertThat(sql(request)).contains("((\"uid\" = 'u1' AND \"region\" = 1) OR (\"uid\" = 'o''brien' AND \"region\" = 2))");
  }

  @Test
  void noKeysMeansEveryEntityAndAnUnrenderableKeyFallsBackToEveryEntity() throws Exception {
    parquet("""
        SELECT * FROM (VALUES ('u1', 1, 10, TIMESTAMPTZ '2024-01-01 01:00:00+00'),
          ('u2', 1, 20, TIMESTAMPTZ '2024-01-01 01:00:00+00')) AS t(uid, region, score, event_timestamp)""");
    EntityKey doubleKey = EntityKey.newBuilder().addJoinKeys("user_id").addJoinKeys("region")
        .addEntityValues(Value.newBuilder().setDoubleVal(1.5)).addEntityValues(Value.newBuilder().setInt64Val(1))
        .build();

    assertThat(pull(request(List.of()))).hasSize(2);
    assertThat(pull(request(List.of(doubleKey)))).hasSize(2);
    assertThat(pull(request(List.of(key("nobody", 9))))).isEmpty();
  }

  private static EntityKey key(String user, long region) {
    return EntityKey.newBuilder().addJoinKeys("region").addJoinKeys("user_id")
        .addEntityValues(Value.newBuilder().setInt64Val(region))
        .addEntityValues(Value.newBuilder().setStringVal(user)).build();
  }

  private PullLatestRequest request(List<EntityKey> keys) {
    DataSource source = new DataSource("scores_source", "event_timestamp", "", "", Map.of("uid", "user_id"), null,
        new DataSource.FileOptions("data/t.parquet", null, null));
    FeatureView view = new FeatureView("scores", List.of("user", "region"), List.of(Field.of("score", INT64)),
        List.of(USER, REGION), Duration.ZERO, true, false, source, Optional.empty(), null);
    return new PullLatestRequest(view, List.of(USER, REGION), START, END, 100, keys);
  }

  private String sql(PullLatestRequest request) throws Exception {
    SourceColumns columns = SourceColumns.of(request);
    ParquetLocation location = ParquetLocation.of(columns.source(), config());
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      Map<String, String> types = new java.util.LinkedHashMap<>();
      try (Statement statement = connection.createStatement();
          var rs = statement.executeQuery("DESCRIBE SELECT * FROM " + location.readExpression())) {
        while (rs.next()) {
          types.put(rs.getString("column_name"), rs.getString("column_type"));
        }
      }
      return DuckDbPullQuery.plan(request, columns, location, types).sql();
    }
  }

  private List<OnlineWriteRow> pull(PullLatestRequest request) {
    List<OnlineWriteRow> rows = new ArrayList<>();
    try (DuckDbOfflineStore store = new DuckDbOfflineStore(config());
        OfflineRowStream stream = store.pullLatest(request)) {
      for (List<OnlineWriteRow> batch = stream.nextBatch(); !batch.isEmpty(); batch = stream.nextBatch()) {
        rows.addAll(batch);
      }
    }
    return rows;
  }

  private RepoConfig config() {
    return new RepoConfig(
        "test", "local", new RegistryConfig("file", "data/registry.db", null, null, false),
        new StoreConfig("online_store", "sqlite", Map.of()),
        new StoreConfig("offline_store", "file", Map.of()),
        3, Map.of(), Map.of(), Map.of(), Map.of(), repo, List.of());
  }

  private void parquet(String select) throws Exception {
    Path file = repo.resolve("data/t.parquet");
    Files.createDirectories(file.getParent());
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
    }
  }
}
