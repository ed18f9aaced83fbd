package dev.featurestore.offlinestore.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.OfflineStoreFactory;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.proto.FeastTypeMapper;
import feast.proto.types.ValueProto.Value;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls from Parquet files written here with DuckDB. */
class DuckDbOfflineStoreTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("2024-01-02T00:00:00Z");
  private static final FeastType INT64 = FeastTypeMapper.primitive(ValueType.INT64);
  private static final FeastType STRING = FeastTypeMapper.primitive(ValueType.STRING);
  private static final Field USER_ID = Field.of("user_id", STRING);

  @TempDir Path repo;

  @Test
  void latestRowPerEntityWithTiesBrokenByCreated() {
    parquet("data/t.parquet", """
        SELECT * FROM (VALUES
          ('u1', 1, TIMESTAMPTZ '2024-01-01 01:00:00+00', TIMESTAMPTZ '2024-01-01 01:00:00+00'),
          ('u1', 2, TIMESTAMPTZ '2024-01-01 05:00:00+00', TIMESTAMPTZ '2024-01-01 05:00:00+00'),
          ('u1', 3, TIMESTAMPTZ '2024-01-01 05:00:00+00', TIMESTAMPTZ '2024-01-01 06:00:00+00'),
          ('u1', 4, TIMESTAMPTZ '2024-01-01 04:00:00+00', TIMESTAMPTZ '2024-01-01 09:00:00+00'),
          ('u2', 7, TIMESTAMPTZ '2024-01-01 02:00:00+00', TIMESTAMPTZ '2024-01-01 02:00:00+00'))
          AS t(user_id, score, event_timestamp, created)""");
    FeatureView view = view("scores", "data/t.parquet", "created", Map.of(), Field.of("score", INT64));

    Map<String, OnlineWriteRow> rows = pullAll(view, List.of(USER_ID), START, END);

    assertThat(rows).containsOnlyKeys("u1", "u2");
    assertThat(rows.get("u1").values().get("score").getInt64Val()).isEqualTo(3);
    assertThat(rows.get("u1").eventTimestamp().getSeconds())
        .isEqualTo(Instant.parse("2024-01-01T05:00:00Z").getEpochSecond());
    assertThat(rows.get("u1").createdTimestamp().getSeconds())
        .isEqualTo(Instant.parse("2024-01-01T06:00:00Z").getEpochSecond());
    assertThat(rows.get("u2").values().get("score").getInt64Val()).isEqualTo(7);
    assertThat(rows.get("u2").key().getJoinKeysList()).containsExactly("user_id");
  }

  @Test
  void windowIncludesBothEndsAsFeastDoes() {
    parquet("data/t.parquet", """
        SELECT * FROM (VALUES
          ('at_start', 1, TIMESTAMP '2024-01-01 00:00:00'),
          ('at_end', 2, TIMESTAMP '2024-01-02 00:00:00'),
          ('before', 3, TIMESTAMP '2023-12-31 23:59:59'),
          ('after', 4, TIMESTAMP '2024-01-02 00:00:01'),
          ('both', 5, TIMESTAMP '2024-01-01 12:00:00'),
          ('both', 6, TIMESTAMP '2024-01-02 00:00:01'))
          AS t(user_id, score, event_timestamp)""");
    FeatureView view = view("scores", "data/t.parquet", "", Map.of(), Field.of("score", INT64));

    Map<String, OnlineWriteRow> rows = pullAll(view, List.of(USER_ID), START, END);

    assertThat(rows).containsOnlyKeys("at_start", "at_end", "both");
    assertThat(rows.get("both").values().get("score").getInt64Val()).isEqualTo(5);
    assertThat(rows.get("at_end").createdTimestamp().getSeconds()).isZero();
    // A timestamp without a zone is UTC.
    assertThat(rows.get("at_start").eventTimestamp().getSeconds()).isEqualTo(START.getEpochSecond());
  }

  @Test
  void fieldMappingReadsSourceNamesAndReportsFeatureNames() {
    parquet("data/t.parquet", """
        SELECT 'u1' AS uid, 42 AS score_raw, TIMESTAMP '2024-01-01 03:00:00' AS ts,
               TIMESTAMP '2024-01-01 03:00:00' AS written""");
    FeatureView view =
        view(
            "mapped",
            "data/t.parquet",
            "created",
            Map.of("uid", "user_id", "score_raw", "score", "ts", "event_timestamp", "written", "created"),
            Field.of("score", INT64));

    Map<String, OnlineWriteRow> rows = pullAll(view, List.of(USER_ID), START, END);

    assertThat(rows).containsOnlyKeys("u1");
    assertThat(rows.get("u1").values()).containsOnlyKeys("score");
    assertThat(rows.get("u1").values().get("score").getInt64Val()).isEqualTo(42);
    assertThat(rows.get("u1").createdTimestamp().getSeconds()).isPositive();
  }

  @Test
  void valuesTakeTheDeclaredTypesAndNullsBecomeEmptyValues() {
    parquet("data/t.parquet", """
        SELECT * FROM (VALUES
          (1::INTEGER, 5::INTEGER, 5::INTEGER, 0.5::DOUBLE, 7::BIGINT, 'a', true, 'xy'::BLOB,
           TIMESTAMP '2024-01-01 00:00:10', [1, 2]::BIGINT[], ['p', 'q'], 2.25::DECIMAL(5,2),
           TIMESTAMP '2024-01-01 01:00:00'),
          (2::INTEGER, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           TIMESTAMP '2024-01-01 01:00:00'))
          AS t(id, i32, i64, f32, f64, s, b, raw, ts, longs, strings, dec, event_timestamp)""");
    FeatureView view =
        view(
            "typed",
            "data/t.parquet",
            "",
            Map.of(),
            Field.of("i32", FeastTypeMapper.primitive(ValueType.INT32)),
            Field.of("i64", INT64),
            Field.of("f32", FeastTypeMapper.primitive(ValueType.FLOAT)),
            Field.of("f64", FeastTypeMapper.primitive(ValueType.DOUBLE)),
            Field.of("s", STRING),
            Field.of("b", FeastTypeMapper.primitive(ValueType.BOOL)),
            Field.of("raw", FeastTypeMapper.primitive(ValueType.BYTES)),
            Field.of("ts", FeastTypeMapper.primitive(ValueType.UNIX_TIMESTAMP)),
            Field.of("longs", FeastTypeMapper.array(INT64)),
            Field.of("strings", FeastTypeMapper.array(STRING)),
            Field.of("dec", FeastTypeMapper.primitive(ValueType.DOUBLE)));
    Field id = Field.of("id", INT64);

    List<OnlineWriteRow> rows = pull(view, List.of(id), START, END);

    Map<Long, OnlineWriteRow> byId =
        rows.stream()
            .collect(Collectors.toMap(r -> r.key().getEntityValues(0).getInt64Val(), r -> r));
    Map<String, Value> full = byId.get(1L).values();
    assertThat(full.get("i32").getInt32Val()).isEqualTo(5);
    assertThat(full.get("i64").getInt64Val()).isEqualTo(5);
    assertThat(full.get("f32").getFloatVal()).isEqualTo(0.5f);
    assertThat(full.get("f64").getDoubleVal()).isEqualTo(7.0);
    assertThat(full.get("s").getStringVal()).isEqualTo("a");
    assertThat(full.get("b").getBoolVal()).isTrue();
    assertThat(full.get("raw").getBytesVal()).isEqualTo(ByteString.copyFromUtf8("xy"));
    assertThat(full.get("ts").getUnixTimestampVal()).isEqualTo(START.getEpochSecond() + 10);
    assertThat(full.get("longs").getInt64ListVal().getValList()).containsExactly(1L, 2L);
    assertThat(full.get("strings").getStringListVal().getValList()).containsExactly("p", "q");
    assertThat(full.get("dec").getDoubleVal()).isEqualTo(2.25);
    assertThat(byId.get(2L).values().values()).allMatch(v -> v.equals(Value.getDefaultInstance()));
    assertThat(byId.get(2L).values()).hasSize(11);
  }

  @Test
  void anUnconvertibleColumnIsReportedBeforeAnyRowIsRead() {
    parquet("data/t.parquet", "SELECT 'u1' AS user_id, 'high' AS score, TIMESTAMP '2024-01-01 01:00:00' AS event_timestamp");
    FeatureView view = view("scores", "data/t.parquet", "", Map.of(), Field.of("score", INT64));
    OfflineStore store = new DuckDbOfflineStore(config());

    assertThatThrownBy(() -> store.checkPull(request(view, List.of(USER_ID), START, END)))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("feature view 'scores'")
        .hasMessageContaining("feature 'score'")
        .hasMessageContaining("Int64")
        .hasMessageContaining("column 'score'")
        .hasMessageContaining("VARCHAR")
        .satisfies(e -> assertThat(((FeatureStoreException) e).code()).isEqualTo(ErrorCode.INVALID_DEFINITION));
  }

  @Test
  void aJoinKeyOfTheWrongTypeIsReported() {
    parquet("data/t.parquet", "SELECT 1.5 AS user_id, 1 AS score, TIMESTAMP '2024-01-01 01:00:00' AS event_timestamp");
    FeatureView view = view("scores", "data/t.parquet", "", Map.of(), Field.of("score", INT64));

    assertThatThrownBy(() -> pull(view, List.of(USER_ID), START, END))
        .hasMessageContaining("join key 'user_id'")
        .hasMessageContaining("String");
  }

  @Test
  void aMissingFileNamesTheSourceAndPath() {
    FeatureView view = view("scores", "data/missing.parquet", "", Map.of(), Field.of("score", INT64));

    assertThatThrownBy(() -> new DuckDbOfflineStore(config()).checkPull(request(view, List.of(USER_ID), START, END)))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("scores_source")
        .hasMessageContaining(repo.resolve("data/missing.parquet").toString())
        .satisfies(e -> assertThat(((FeatureStoreException) e).code()).isEqualTo(ErrorCode.DATA_SOURCE_NOT_FOUND));
  }

  @Test
  void aMissingColumnIsNamed() {
    parquet("data/t.parquet", "SELECT 'u1' AS user_id, TIMESTAMP '2024-01-01 01:00:00' AS event_timestamp");
    FeatureView view = view("scores", "data/t.parquet", "created", Map.of(), Field.of("score", INT64));

    assertThatThrownBy(() -> pull(view, List.of(USER_ID), START, END))
        .hasMessageContaining("column 'score' is not in source 'scores_source'")
        .hasMessageContaining("user_id, event_timestamp");
  }

  @Test
  void rowsArriveInBatchesOfTheRequestedSize() {
    parquet("data/t.parquet", """
        SELECT 'u' || i AS user_id, i AS score,
               TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i) SECOND AS event_timestamp
        FROM range(2500) r(i)""");
    FeatureView view = view("scores", "data/t.parquet", "", Map.of(), Field.of("score", INT64));

    List<Integer> sizes = new ArrayList<>();
    try (OfflineRowStream stream =
        new DuckDbOfflineStore(config()).pullLatest(new PullLatestRequest(view, List.of(USER_ID), START, END, 1000))) {
      for (List<OnlineWriteRow> batch = stream.nextBatch(); !batch.isEmpty(); batch = stream.nextBatch()) {
        sizes.add(batch.size());
      }
      assertThat(stream.nextBatch()).isEmpty();
    }
    assertThat(sizes).containsExactly(1000, 1000, 500);
  }

  @Test
  void anEntitylessViewYieldsOneRowUnderTheDummyKey() {
    parquet("data/t.parquet", """
        SELECT * FROM (VALUES (1, TIMESTAMP '2024-01-01 01:00:00'), (2, TIMESTAMP '2024-01-01 02:00:00'))
          AS t(score, event_timestamp)""");
    FeatureView view = view("global", "data/t.parquet", "", Map.of(), Field.of("score", INT64));

    List<OnlineWriteRow> rows = pull(view, List.of(), START, END);

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).key().getJoinKeysList()).containsExactly("__dummy_id");
    assertThat(rows.get(0).key().getEntityValues(0).getStringVal()).isEmpty();
    assertThat(rows.get(0).values().get("score").getInt64Val()).isEqualTo(2);
  }

  @Test
  void aFolderOfParquetFilesIsOneSource() {
    parquet("data/parts/a.parquet", "SELECT 'u1' AS user_id, 1 AS score, TIMESTAMP '2024-01-01 01:00:00' AS event_timestamp");
    parquet("data/parts/b.parquet", "SELECT 'u1' AS user_id, 2 AS score, TIMESTAMP '2024-01-01 02:00:00' AS event_timestamp");
    FeatureView view = view("scores", "data/parts", "", Map.of(), Field.of("score", INT64));

    assertThat(pullAll(view, List.of(USER_ID), START, END).get("u1").values().get("score").getInt64Val())
        .isEqualTo(2);
  }

  @Test
  void factoriesServeFileAndDuckdb() {
    Map<String, OfflineStoreFactory> factories = new TreeMap<>();
    ServiceLoader.load(OfflineStoreFactory.class).forEach(f -> factories.put(f.type(), f));
    assertThat(factories).containsKeys("file", "duckdb");
    try (OfflineStore store = factories.get("duckdb").create(config())) {
      assertThat(store).isInstanceOf(DuckDbOfflineStore.class);
    }
  }

  private Map<String, OnlineWriteRow> pullAll(FeatureView view, List<Field> keys, Instant start, Instant end) {
    return pull(view, keys, start, end).stream()
        .collect(Collectors.toMap(r -> r.key().getEntityValues(0).getStringVal(), r -> r));
  }

  private List<OnlineWriteRow> pull(FeatureView view, List<Field> keys, Instant start, Instant end) {
    List<OnlineWriteRow> rows = new ArrayList<>();
    try (OfflineStore store = new DuckDbOfflineStore(config());
        OfflineRowStream stream = store.pullLatest(request(view, keys, start, end))) {
      for (List<OnlineWriteRow> batch = stream.nextBatch(); !batch.isEmpty(); batch = stream.nextBatch()) {
        rows.addAll(batch);
      }
    }
    return rows;
  }

  private static PullLatestRequest request(FeatureView view, List<Field> keys, Instant start, Instant end) {
    return new PullLatestRequest(view, keys, start, end, PullLatestRequest.DEFAULT_BATCH_SIZE);
  }

  private static FeatureView view(
      String name, String path, String created, Map<String, String> mapping, Field... features) {
    DataSource source =
        new DataSource(
            name + "_source", "event_timestamp", created, "", mapping, null,
            new DataSource.FileOptions(path, null, null));
    return new FeatureView(
        name, List.of("user"), List.of(features), List.of(USER_ID), Duration.ZERO, true, false,
        source, Optional.empty(), null);
  }

  private RepoConfig config() {
    return new RepoConfig(
        "test", "local", new RegistryConfig("file", "data/registry.db", null, null, false),
        new StoreConfig("online_store", "sqlite", Map.of()),
        new StoreConfig("offline_store", "file", Map.of()),
        3, Map.of(), Map.of(), Map.of(), Map.of(), repo, List.of());
  }

  private void parquet(String relative, String select) {
    Path file = repo.resolve(relative);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      java.nio.file.Files.createDirectories(file.getParent());
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
