package dev.featurestore.offlinestore.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.featurestore.core.offline.EntityRows;
import dev.featurestore.core.offline.HistoricalFeatureView;
import dev.featurestore.core.offline.HistoricalRetrievalRequest;
import dev.featurestore.core.offline.HistoricalRetrievalResult;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.proto.FeastTypeMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point-in-time joins checked against a brute-force computation in Java on generated data, plus
 * hand-made cases for each rule and each error.
 */
class DuckDbHistoricalRetrievalTest {
  private static final FeastType INT64 = FeastTypeMapper.primitive(ValueType.INT64);
  private static final FeastType DOUBLE = FeastTypeMapper.primitive(ValueType.DOUBLE);
  private static final long BASE = Instant.parse("2024-03-01T00:00:00Z").getEpochSecond();

  @TempDir Path repo;

  // ---------------------------------------------------------------- brute force

  /** One generated source row; times in epoch seconds, created null when the view has none. */
  record SourceRow(List<Object> keys, long event, Long created, Long value) {}

  /** A generated view: its source rows by key tuple, ttl in seconds (0 = none). */
  record GeneratedView(
      String name, List<String> joinKeys, long ttl, boolean hasCreated,
      Map<List<Object>, List<SourceRow>> rows) {}

  @Test
  void pointInTimeJoinMatchesBruteForceOnGeneratedData() {
    Random random = new Random(20240301L);
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      users.add(String.format("u%03d", i));
    }
    List<Long> merchants = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    // u050.. and merchant 7 have no data at all: their rows must come back null.
    List<String> usersWithData = users.subList(0, 50);
    List<Long> merchantsWithData = merchants.subList(0, 6);

    GeneratedView userView = generate(random, "user_stats", List.of("user_id"), 2 * 3600, true,
        usersWithData.stream().map(u -> List.<Object>of(u)).toList(), 40);
    GeneratedView merchantView = generate(random, "merchant_stats", List.of("merchant_id"), 0, true,
        merchantsWithData.stream().map(m -> List.<Object>of(m)).toList(), 150);
    List<List<Object>> pairs = new ArrayList<>();
    for (String u : usersWithData.subList(0, 20)) {
      for (Long m : merchantsWithData.subList(0, 3)) {
        pairs.add(List.of(u, m));
      }
    }
    GeneratedView pairView = generate(random, "pair_stats", List.of("user_id", "merchant_id"),
        6 * 3600, false, pairs, 10);
    GeneratedView globalView = generate(random, "global_stats", List.of(), 3600, true,
        List.of(List.of()), 200);

    writeSource(userView, Map.of());
    // The merchant source names its columns differently and maps them with field_mapping.
    writeSource(merchantView, Map.of("merchant_id", "m_id", "value", "m_value", "ts", "m_ts"));
    writeSource(pairView, Map.of());
    writeSource(globalView, Map.of());

    List<Object[]> entityRows = new ArrayList<>();
    List<SourceRow> allUserRows = userView.rows().values().stream().flatMap(List::stream).toList();
    for (int i = 0; i < 5000; i++) {
      String user = users.get(random.nextInt(users.size()));
      long merchant = merchants.get(random.nextInt(merchants.size()));
      long ts;
      int kind = random.nextInt(10);
      if (kind == 0) {
        // exactly at a source row's event time (included)
        SourceRow row = allUserRows.get(random.nextInt(allUserRows.size()));
        user = (String) row.keys().get(0);
        ts = row.event();
      } else if (kind == 1) {
        // exactly ttl after a source row (still included: Feast's bound is inclusive)
        SourceRow row = allUserRows.get(random.nextInt(allUserRows.size()));
        user = (String) row.keys().get(0);
        ts = row.event() + userView.ttl();
      } else {
        ts = BASE + random.nextInt(4 * 24 * 3600);
      }
      entityRows.add(new Object[] {user, merchant, ts, "label" + i});
    }
    Path entities = repo.resolve("entities.parquet");
    writeEntities(entityRows, entities);

    List<GeneratedView> generated = List.of(userView, merchantView, pairView, globalView);
    List<HistoricalFeatureView> views = new ArrayList<>();
    Map<String, String> mappings = Map.of("merchant_stats", "m_");
    for (GeneratedView g : generated) {
      FeatureView view = featureView(g, mappings.containsKey(g.name()));
      views.add(new HistoricalFeatureView(view, view.name(), g.joinKeys(), Map.of(), List.of("value")));
    }
    Path output = repo.resolve("out/result.parquet");
    HistoricalRetrievalResult result = store().getHistoricalFeatures(
        new HistoricalRetrievalRequest(EntityRows.file(entities), views, true, output));

    assertThat(result.rows()).isEqualTo(5000);
    assertThat(result.columns()).containsExactly(
        "user_id", "merchant_id", "event_timestamp", "label", "user_stats__value",
        "merchant_stats__value", "pair_stats__value", "global_stats__value");
    List<List<Object>> actual = query(
        "SELECT user_id, merchant_id, epoch(event_timestamp)::BIGINT, label, user_stats__value,"
            + " merchant_stats__value, pair_stats__value, global_stats__value FROM read_parquet('"
            + output + "')");
    assertThat(actual).hasSize(5000);
    int matched = 0;
    int lateArrivals = 0;
    for (int i = 0; i < entityRows.size(); i++) {
      Object[] entity = entityRows.get(i);
      long ts = (Long) entity[2];
      List<Object> expected = new ArrayList<>(List.of(entity[0], entity[1], ts, entity[3]));
      for (GeneratedView g : generated) {
        List<Object> key = g.joinKeys().isEmpty() ? List.of()
            : g.joinKeys().size() == 1
                ? List.of(g.name().startsWith("user") ? entity[0] : entity[1])
                : List.of(entity[0], entity[1]);
        SourceRow best = bruteForce(g, key, ts);
        expected.add(best == null ? null : best.value());
        if (best != null) {
          matched++;
          if (best.created() != null && best.created() > ts) {
            lateArrivals++;
          }
        }
      }
      assertThat(actual.get(i)).as("entity row %d: %s", i, Arrays.toString(entity)).isEqualTo(expected);
    }
    // The data really exercises the rules: many matches, and late-arriving rows among them.
    assertThat(matched).isGreaterThan(5000);
    assertThat(lateArrivals).isGreaterThan(100);
  }

  /** The rule, written the slow way: latest (event, created) with ts - ttl <= event <= ts. */
  private static SourceRow bruteForce(GeneratedView view, List<Object> key, long ts) {
    SourceRow best = null;
    for (SourceRow row : view.rows().getOrDefault(key, List.of())) {
      if (row.event() > ts || (view.ttl() > 0 && row.event() < ts - view.ttl())) {
        continue;
      }
      if (best == null || row.event() > best.event()
          || (row.event() == best.event() && compareCreated(row, best) > 0)) {
        best = row;
      }
    }
    return best;
  }

  private static int compareCreated(SourceRow a, SourceRow b) {
    if (a.created() == null || b.created() == null) {
      throw new IllegalStateException("ties are only generated for views with a created column");
    }
    return Long.compare(a.created(), b.created());
  }

  private static GeneratedView generate(
      Random random, String name, List<String> joinKeys, long ttl, boolean hasCreated,
      List<List<Object>> keys, int rowsPerKey) {
    Map<List<Object>, List<SourceRow>> rows = new HashMap<>();
    for (List<Object> key : keys) {
      List<SourceRow> list = new ArrayList<>();
      Set<Long> events = new HashSet<>();
      Set<List<Long>> eventCreated = new HashSet<>();
      while (list.size() < rowsPerKey) {
        // minute granularity within four days, so entity times and ties line up often
        long event = BASE + 60L * random.nextInt(4 * 24 * 60);
        if (!hasCreated && !events.add(event)) {
          continue; // without a created column a tie has no winner, in Feast too
        }
        int copies = hasCreated && random.nextInt(5) == 0 ? 2 + random.nextInt(2) : 1;
        for (int c = 0; c < copies && list.size() < rowsPerKey; c++) {
          Long created = null;
          if (hasCreated) {
            // a third of the rows arrive late: written up to two days after their event time
            long delay = random.nextInt(3) == 0 ? random.nextInt(2 * 24 * 3600) : random.nextInt(60);
            created = event + delay;
            while (!eventCreated.add(List.of(event, created))) {
              created++;
            }
          }
          Long value = random.nextInt(20) == 0 ? null : (long) random.nextInt(1_000_000);
          list.add(new SourceRow(key, event, created, value));
        }
      }
      rows.put(key, list);
    }
    return new GeneratedView(name, joinKeys, ttl, hasCreated, rows);
  }

  private FeatureView featureView(GeneratedView g, boolean mapped) {
    Map<String, String> mapping = mapped
        ? Map.of("m_id", "merchant_id", "m_value", "value", "m_ts", "ts")
        : Map.of();
    DataSource source = new DataSource(
        g.name() + "_source", "ts", g.hasCreated() ? "created" : "", "", mapping, null,
        new DataSource.FileOptions("data/" + g.name() + ".parquet", null, null));
    List<Field> keys = g.joinKeys().stream()
        .map(k -> Field.of(k, k.equals("user_id") ? FeastTypeMapper.primitive(ValueType.STRING) : INT64))
        .toList();
    List<String> entities = g.joinKeys().isEmpty()
        ? List.of("__dummy")
        : g.joinKeys().stream().map(k -> k.replace("_id", "")).toList();
    return new FeatureView(
        g.name(), entities, List.of(Field.of("value", INT64)), keys,
        Duration.ofSeconds(g.ttl()), true, false, source, Optional.empty(), null);
  }

  private void writeSource(GeneratedView g, Map<String, String> rename) {
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>(g.joinKeys());
    header.addAll(List.of("value", "ts", "created"));
    csv.append(String.join(",", header.stream().map(h -> rename.getOrDefault(h, h)).toList()))
        .append('\n');
    g.rows().values().stream().flatMap(List::stream).forEach(row -> {
      List<String> cells = new ArrayList<>();
      row.keys().forEach(k -> cells.add(k.toString()));
      cells.add(row.value() == null ? "" : row.value().toString());
      cells.add(Long.toString(row.event()));
      cells.add(row.created() == null ? "" : row.created().toString());
      csv.append(String.join(",", cells)).append('\n');
    });
    Path file = repo.resolve("data/" + g.name() + ".csv");
    write(file, csv.toString());
    List<String> select = new ArrayList<>();
    for (String key : g.joinKeys()) {
      String column = DuckDbSql.identifier(rename.getOrDefault(key, key));
      select.add(key.equals("user_id") ? column + "::VARCHAR AS " + column : column + "::BIGINT AS " + column);
    }
    String value = rename.getOrDefault("value", "value");
    String ts = rename.getOrDefault("ts", "ts");
    select.add(value + "::BIGINT AS " + value);
    // event times as naive timestamps (read as UTC), created as zoned ones: both must work
    select.add("make_timestamp(" + ts + "::BIGINT * 1000000) AS " + ts);
    if (g.hasCreated()) {
      select.add("to_timestamp(created::BIGINT) AS created");
    }
    execute("COPY (SELECT " + String.join(", ", select) + " FROM read_csv('" + file
        + "', header = true, all_varchar = true)) TO '" + repo.resolve("data/" + g.name() + ".parquet")
        + "' (FORMAT parquet)");
  }

  private void writeEntities(List<Object[]> rows, Path parquet) {
    StringBuilder csv = new StringBuilder("user_id,merchant_id,ts,label\n");
    for (Object[] row : rows) {
      csv.append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append(',')
          .append(row[3]).append('\n');
    }
    Path file = repo.resolve("entities.csv");
    write(file, csv.toString());
    execute("COPY (SELECT user_id, merchant_id::BIGINT AS merchant_id,"
        + " make_timestamp(ts::BIGINT * 1000000) AS event_timestamp, label FROM read_csv('" + file
        + "', header = true, all_varchar = true)) TO '" + parquet + "' (FORMAT parquet)");
  }

  // ---------------------------------------------------------------- hand-made cases

  @Test
  void eachRuleOnAFewRows() {
    parquet("data/s.parquet", """
        SELECT * FROM (VALUES
          ('tie', 1, TIMESTAMP '2024-01-01 10:00:00', TIMESTAMP '2024-01-01 10:00:00'),
          ('tie', 2, TIMESTAMP '2024-01-01 10:00:00', TIMESTAMP '2024-01-01 10:05:00'),
          ('tie', 3, TIMESTAMP '2024-01-01 10:00:00', TIMESTAMP '2024-01-01 10:01:00'),
          ('late', 4, TIMESTAMP '2024-01-01 09:00:00', TIMESTAMP '2024-01-05 00:00:00'),
          ('future', 5, TIMESTAMP '2024-01-01 12:00:00', TIMESTAMP '2024-01-01 12:00:00'),
          ('exact', 6, TIMESTAMP '2024-01-01 12:00:00', TIMESTAMP '2024-01-01 12:00:00'),
          ('stale', 7, TIMESTAMP '2024-01-01 07:59:59', TIMESTAMP '2024-01-01 07:59:59'),
          ('edge', 8, TIMESTAMP '2024-01-01 08:00:00', TIMESTAMP '2024-01-01 08:00:00'))
          AS t(user_id, score, event_timestamp, created)""");
    write(repo.resolve("entities.csv"), """
        user_id,event_timestamp,note
        tie,2024-01-01T10:00:00Z,a
        late,2024-01-01 10:00:00,b
        future,2024-01-01T10:00:00,c
        exact,2024-01-01T14:00:00+02:00,d
        stale,2024-01-01T10:00:00Z,e
        edge,2024-01-01T10:00:00Z,f
        nobody,2024-01-01T10:00:00Z,g
        """);
    HistoricalFeatureView scores = view("scores", "data/s.parquet", "created", Duration.ofHours(2), "score");

    HistoricalRetrievalResult result = retrieve(EntityRows.file(repo.resolve("entities.csv")), false, scores);

    assertThat(result.columns()).containsExactly("user_id", "event_timestamp", "note", "score");
    assertThat(query("SELECT user_id, event_timestamp, score FROM read_parquet('" + result.output() + "')"))
        .containsExactly(
            row("tie", "2024-01-01T10:00:00Z", 2L), // same event time: the latest created wins
            row("late", "2024-01-01T10:00:00Z", 4L), // written after the entity time: still counts
            row("future", "2024-01-01T10:00:00Z", null), // after the entity time: never
            row("exact", "2024-01-01T12:00:00Z", 6L), // at the entity time (given as +02:00)
            row("stale", "2024-01-01T10:00:00Z", null), // one second past the ttl
            row("edge", "2024-01-01T10:00:00Z", 8L), // exactly ttl old: Feast keeps it
            row("nobody", "2024-01-01T10:00:00Z", null));
    assertThat(columnType(result.output(), "event_timestamp")).isEqualTo("TIMESTAMP WITH TIME ZONE");
  }

  @Test
  void rowsInJavaAndFullFeatureNamesAndFieldMapping() {
    parquet("data/m.parquet", """
        SELECT 'u1' AS uid, 1.5::DOUBLE AS raw_amount, TIMESTAMPTZ '2024-01-01 00:00:00+00' AS ts""");
    DataSource source = new DataSource(
        "m_source", "event_timestamp", "", "", Map.of("uid", "user_id", "raw_amount", "amount", "ts", "event_timestamp"),
        null, new DataSource.FileOptions("data/m.parquet", null, null));
    FeatureView view = new FeatureView(
        "money", List.of("user"), List.of(Field.of("amount", DOUBLE)),
        List.of(Field.of("user_id", FeastTypeMapper.primitive(ValueType.STRING))), Duration.ZERO, true,
        false, source, Optional.empty(), null);
    EntityRows rows = new EntityRows.Rows(
        List.of("customer", "event_timestamp"),
        List.of(
            Arrays.asList("u1", Instant.parse("2024-01-02T00:00:00Z")),
            Arrays.asList("u2", Instant.parse("2024-01-02T00:00:00Z"))));

    HistoricalRetrievalResult result = retrieve(rows, true,
        new HistoricalFeatureView(view, "cash", List.of("user_id"), Map.of("user_id", "customer"), List.of("amount")));

    assertThat(result.columns()).containsExactly("customer", "event_timestamp", "cash__amount");
    assertThat(query("SELECT customer, cash__amount FROM read_parquet('" + result.output() + "')"))
        .containsExactly(List.of("u1", 1.5), Arrays.asList("u2", null));
  }

  @Test
  void theOnlyTimestampColumnIsTheEventTimeWhenNoneIsNamedEventTimestamp() {
    parquet("data/s.parquet", "SELECT 'u1' AS user_id, 1 AS score, TIMESTAMP '2024-01-01 00:00:00' AS event_timestamp");
    EntityRows rows = new EntityRows.Rows(
        List.of("user_id", "asked_at"), List.of(Arrays.asList("u1", Instant.parse("2024-01-01T00:00:00Z"))));

    HistoricalRetrievalResult result =
        retrieve(rows, false, view("scores", "data/s.parquet", "", Duration.ZERO, "score"));

    assertThat(result.columns()).containsExactly("user_id", "asked_at", "score");
    assertThat(query("SELECT score FROM read_parquet('" + result.output() + "')")).containsExactly(List.of(1L));
  }

  @Test
  void aLargeEntityFileStaysInsideDuckDb() {
    parquet("data/s.parquet", """
        SELECT 'u' || (i % 5000) AS user_id, i AS score,
               TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i) SECOND AS event_timestamp
        FROM range(200000) r(i)""");
    parquet("entities.parquet", """
        SELECT 'u' || (i % 6000) AS user_id,
               TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i * 7 % 250000) SECOND AS event_timestamp
        FROM range(500000) r(i)""");

    HistoricalRetrievalResult result = retrieve(EntityRows.file(repo.resolve("entities.parquet")), false,
        view("scores", "data/s.parquet", "", Duration.ofHours(1), "score"));

    assertThat(result.rows()).isEqualTo(500_000);
    // Spot checks against the generator: u<k> has a row every 5000 s, at k, k + 5000, ...
    assertThat(query("SELECT count(*) FROM read_parquet('" + result.output() + "') WHERE score IS NOT NULL"
        + " AND (score % 5000 <> CAST(substr(user_id, 2) AS BIGINT)"
        + " OR TIMESTAMPTZ '2024-01-01 00:00:00+00' + INTERVAL (score) SECOND > event_timestamp)"))
        .containsExactly(List.of(0L));
  }

  @Test
  void errorsNameWhatIsMissing() {
    parquet("data/s.parquet", "SELECT 'u1' AS user_id, 1 AS score, TIMESTAMP '2024-01-01 00:00:00' AS event_timestamp");
    HistoricalFeatureView scores = view("scores", "data/s.parquet", "", Duration.ZERO, "score");

    assertThatThrownBy(() -> retrieve(EntityRows.file(repo.resolve("none.parquet")), false, scores))
        .hasMessageContaining("entity file").hasMessageContaining("none.parquet").hasMessageContaining("does not exist");

    write(repo.resolve("no_time.csv"), "user_id,when\nu1,yesterday\n");
    assertThatThrownBy(() -> retrieve(EntityRows.file(repo.resolve("no_time.csv")), false, scores))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("no event_timestamp column")
        .satisfies(e -> assertThat(((FeatureStoreException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));

    write(repo.resolve("no_key.csv"), "customer,event_timestamp\nu1,2024-01-01T00:00:00Z\n");
    assertThatThrownBy(() -> retrieve(EntityRows.file(repo.resolve("no_key.csv")), false, scores))
        .hasMessageContaining("no column user_id, the join key of feature view scores")
        .hasMessageContaining("customer, event_timestamp");

    write(repo.resolve("clash.csv"), "user_id,event_timestamp,score\nu1,2024-01-01T00:00:00Z,3\n");
    assertThatThrownBy(() -> retrieve(EntityRows.file(repo.resolve("clash.csv")), false, scores))
        .hasMessageContaining("already have a column score");

    HistoricalFeatureView missing = view("scores", "data/s.parquet", "created", Duration.ZERO, "score");
    write(repo.resolve("ok.csv"), "user_id,event_timestamp\nu1,2024-01-01T00:00:00Z\n");
    assertThatThrownBy(() -> retrieve(EntityRows.file(repo.resolve("ok.csv")), false, missing))
        .hasMessageContaining("column 'created' is not in source 'scores_source'");
    assertThat(repo.resolve("out.parquet")).doesNotExist();
  }

  @Test
  void aStoreWithoutRetrievalSaysSo() {
    OfflineStore bare = new OfflineStore() {
      @Override
      public void checkPull(PullLatestRequest request) {}

      @Override
      public OfflineRowStream pullLatest(PullLatestRequest request) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void close() {}
    };
    HistoricalFeatureView scores = view("scores", "data/s.parquet", "", Duration.ZERO, "score");

    assertThatThrownBy(() -> bare.getHistoricalFeatures(new HistoricalRetrievalRequest(
            EntityRows.file(repo.resolve("e.parquet")), List.of(scores), false, repo.resolve("o.parquet"))))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("historical retrieval is not supported")
        .satisfies(e -> assertThat(((FeatureStoreException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_CONSTRUCT));
  }

  // ---------------------------------------------------------------- helpers

  private HistoricalRetrievalResult retrieve(EntityRows entities, boolean full, HistoricalFeatureView... views) {
    return store().getHistoricalFeatures(
        new HistoricalRetrievalRequest(entities, List.of(views), full, repo.resolve("out.parquet")));
  }

  private HistoricalFeatureView view(String name, String path, String created, Duration ttl, String feature) {
    DataSource source = new DataSource(
        name + "_source", "event_timestamp", created, "", Map.of(), null,
        new DataSource.FileOptions(path, null, null));
    FeatureView view = new FeatureView(
        name, List.of("user"), List.of(Field.of(feature, INT64)),
        List.of(Field.of("user_id", FeastTypeMapper.primitive(ValueType.STRING))), ttl, true, false,
        source, Optional.empty(), null);
    return new HistoricalFeatureView(view, name, List.of("user_id"), Map.of(), List.of(feature));
  }

  private static List<Object> row(String user, String time, Long score) {
    return Arrays.asList(user, Instant.parse(time), score);
  }

  private OfflineStore store() {
    return new DuckDbOfflineStore(new RepoConfig(
        "test", "local", new RegistryConfig("file", "data/registry.db", null, null, false),
        new StoreConfig("online_store", "sqlite", Map.of()),
        new StoreConfig("offline_store", "file", Map.of()),
        3, Map.of(), Map.of(), Map.of(), Map.of(), repo, List.of()));
  }

  /** Rows of a query; timestamps with a zone come back as Instants. */
  private static List<List<Object>> query(String sql) {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      try (ResultSet result = statement.executeQuery(sql)) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            Object value = result.getObject(i);
            if (value instanceof java.time.OffsetDateTime time) {
              value = time.toInstant();
            } else if (value instanceof Integer n) {
              value = n.longValue();
            }
            row.add(value);
          }
          rows.add(row);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  private static String columnType(Path parquet, String column) {
    return Objects.toString(query("SELECT column_type FROM (DESCRIBE SELECT * FROM read_parquet('" + parquet
        + "')) WHERE column_name = '" + column + "'").get(0).get(0));
  }

  private void parquet(String relative, String select) {
    Path file = repo.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
  }

  private static void execute(String sql) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
