package dev.featurestore.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.OfflineRowStream;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.proto.FeastTypeMapper;
import feast.proto.types.ValueProto.Value;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OfflineStore} promises for materialization pulls, run against each back-end by
 * extending this class. Each test writes a small table of its own through {@link #load} (names are
 * unique per test, so a shared server may hold other data) and pulls from the source {@link
 * #sourceOptions} points at. The semantics are Feast's {@code pull_latest_from_table_or_query}:
 * the latest row per join-key tuple within {@code [start, end]}, ties on event time broken by the
 * created timestamp.
 */
public abstract class AbstractOfflineStoreContractTest {

  protected static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  protected static final Instant END = Instant.parse("2024-01-02T00:00:00Z");

  private static final FeastType INT32 = FeastTypeMapper.primitive(ValueType.INT32);
  private static final FeastType INT64 = FeastTypeMapper.primitive(ValueType.INT64);
  private static final FeastType FLOAT = FeastTypeMapper.primitive(ValueType.FLOAT);
  private static final FeastType DOUBLE = FeastTypeMapper.primitive(ValueType.DOUBLE);
  private static final FeastType STRING = FeastTypeMapper.primitive(ValueType.STRING);
  private static final FeastType BOOL = FeastTypeMapper.primitive(ValueType.BOOL);
  private static final FeastType BYTES = FeastTypeMapper.primitive(ValueType.BYTES);
  private static final FeastType UNIX_TIMESTAMP = FeastTypeMapper.primitive(ValueType.UNIX_TIMESTAMP);
  private static final Field USER_ID = Field.of("user_id", STRING);
  private static final AtomicInteger TABLE_COUNTER = new AtomicInteger();

  /** The column types the generated tables use; each back-end maps them to its own. */
  protected enum ColumnType {
    STRING, INT32, INT64, FLOAT32, FLOAT64, BOOL, BYTES, TIMESTAMP
  }

  /** One column of a generated table. */
  protected record Column(String name, ColumnType type) {}

  /**
   * Creates {@code table} with these columns and rows. Row values are Java objects of the column's
   * type (String, Integer, Long, Float, Double, Boolean, byte[], Instant) or null.
   */
  protected abstract void load(String table, List<Column> columns, List<List<Object>> rows);

  /** The options of a source reading {@code table} as {@link #load} created it. */
  protected abstract DataSource.Options sourceOptions(String table);

  /** A store over the engine the tables are loaded into; one per test, closed after it. */
  protected abstract OfflineStore createStore();

  /** The column types the engine has; types outside it are left out of the conversion test. */
  protected Set<ColumnType> columnTypes() {
    return EnumSet.allOf(ColumnType.class);
  }

  /**
   * Pulls every row; back-ends whose engine answers through a test stand-in override this to
   * prepare the answer before delegating.
   */
  protected List<OnlineWriteRow> pull(PullLatestRequest request) {
    List<OnlineWriteRow> rows = new ArrayList<>();
    try (OfflineRowStream stream = store.pullLatest(request)) {
      for (List<OnlineWriteRow> batch = stream.nextBatch(); !batch.isEmpty();
          batch = stream.nextBatch()) {
        rows.addAll(batch);
      }
    }
    return rows;
  }

  protected OfflineStore store;

  @BeforeEach
  void openStore() {
    store = createStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void latestRowPerKeyWithTiesOnEventTimeBrokenByCreated() {
    String table = table();
    load(table, List.of(col("user_id", ColumnType.STRING), col("score", ColumnType.INT64),
            col("event_timestamp", ColumnType.TIMESTAMP), col("created", ColumnType.TIMESTAMP)),
        List.of(
            row("u1", 1L, at("01:00"), at("01:00")),
            row("u1", 2L, at("05:00"), at("05:00")),
            row("u1", 3L, at("05:00"), at("06:00")),
            row("u1", 4L, at("04:00"), at("09:00")),
            row("u2", 7L, at("02:00"), at("02:00"))));
    FeatureView view = view(table, "created", Map.of(), List.of(USER_ID), Field.of("score", INT64));

    Map<String, OnlineWriteRow> rows = byUser(pull(request(view, START, END)));

    assertThat(rows).containsOnlyKeys("u1", "u2");
    assertThat(rows.get("u1").values().get("score").getInt64Val()).isEqualTo(3);
    assertThat(rows.get("u1").eventTimestamp().getSeconds()).isEqualTo(at("05:00").getEpochSecond());
    assertThat(rows.get("u1").createdTimestamp().getSeconds()).isEqualTo(at("06:00").getEpochSecond());
    assertThat(rows.get("u2").values().get("score").getInt64Val()).isEqualTo(7);
    assertThat(rows.get("u2").key().getJoinKeysList()).containsExactly("user_id");
  }

  @Test
  void bothWindowEndsAreInclusive() {
    String table = table();
    load(table, List.of(col("user_id", ColumnType.STRING), col("score", ColumnType.INT64),
            col("event_timestamp", ColumnType.TIMESTAMP)),
        List.of(
            row("at_start", 1L, START),
            row("at_end", 2L, END),
            row("before", 3L, START.minusSeconds(1)),
            row("after", 4L, END.plusSeconds(1)),
            row("both", 5L, at("12:00")),
            row("both", 6L, END.plusSeconds(1))));
    FeatureView view = view(table, "", Map.of(), List.of(USER_ID), Field.of("score", INT64));

    Map<String, OnlineWriteRow> rows = byUser(pull(request(view, START, END)));

    assertThat(rows).containsOnlyKeys("at_start", "at_end", "both");
    assertThat(rows.get("both").values().get("score").getInt64Val()).isEqualTo(5);
    assertThat(rows.get("at_start").eventTimestamp().getSeconds()).isEqualTo(START.getEpochSecond());
    assertThat(rows.get("at_end").createdTimestamp().getSeconds()).isZero();
  }

  @Test
  void eventTimesKeepMicroseconds() {
    String table = table();
    Instant precise = Instant.parse("2024-01-01T03:04:05.123456Z");
    load(table, List.of(col("user_id", ColumnType.STRING), col("score", ColumnType.INT64),
            col("event_timestamp", ColumnType.TIMESTAMP)),
        List.of(row("u1", 1L, precise)));
    FeatureView view = view(table, "", Map.of(), List.of(USER_ID), Field.of("score", INT64));

    OnlineWriteRow row = pull(request(view, START, END)).get(0);

    assertThat(row.eventTimestamp().getSeconds()).isEqualTo(precise.getEpochSecond());
    assertThat(row.eventTimestamp().getNanos()).isEqualTo(123_456_000);
  }

  @Test
  void fieldMappingReadsSourceNamesAndReportsFeatureNames() {
    String table = table();
    load(table, List.of(col("uid", ColumnType.STRING), col("score_raw", ColumnType.INT64),
            col("ts", ColumnType.TIMESTAMP), col("written", ColumnType.TIMESTAMP)),
        List.of(row("u1", 42L, at("03:00"), at("04:00")), row("u1", 41L, at("02:00"), at("05:00"))));
    Map<String, String> mapping =
        Map.of("uid", "user_id", "score_raw", "score", "ts", "event_timestamp", "written", "created");
    FeatureView view = view(table, "created", mapping, List.of(USER_ID), Field.of("score", INT64));

    Map<String, OnlineWriteRow> rows = byUser(pull(request(view, START, END)));

    assertThat(rows).containsOnlyKeys("u1");
    assertThat(rows.get("u1").key().getJoinKeysList()).containsExactly("user_id");
    assertThat(rows.get("u1").values()).containsOnlyKeys("score");
    assertThat(rows.get("u1").values().get("score").getInt64Val()).isEqualTo(42);
    assertThat(rows.get("u1").createdTimestamp().getSeconds()).isEqualTo(at("04:00").getEpochSecond());
  }

  @Test
  void compositeKeysPickTheLatestRowPerTuple() {
    String table = table();
    load(table, List.of(col("user_id", ColumnType.STRING), col("merchant_id", ColumnType.INT64),
            col("amount", ColumnType.FLOAT64), col("event_timestamp", ColumnType.TIMESTAMP)),
        List.of(
            row("u1", 10L, 1.0, at("01:00")),
            row("u1", 10L, 2.0, at("02:00")),
            row("u1", 11L, 3.0, at("01:00")),
            row("u2", 10L, 4.0, at("03:00"))));
    Field merchant = Field.of("merchant_id", INT64);
    FeatureView view =
        view(table, "", Map.of(), List.of(USER_ID, merchant), Field.of("amount", DOUBLE));

    Map<String, Double> amounts =
        pull(request(view, START, END)).stream()
            .collect(Collectors.toMap(
                r -> r.key().getEntityValues(0).getStringVal() + "/"
                    + r.key().getEntityValues(1).getInt64Val(),
                r -> r.values().get("amount").getDoubleVal()));

    assertThat(amounts).containsExactlyInAnyOrderEntriesOf(
        Map.of("u1/10", 2.0, "u1/11", 3.0, "u2/10", 4.0));
  }

  @Test
  void nullsBecomeEmptyValues() {
    String table = table();
    load(table, List.of(col("user_id", ColumnType.STRING), col("score", ColumnType.INT64),
            col("label", ColumnType.STRING), col("event_timestamp", ColumnType.TIMESTAMP)),
        List.of(row("u1", null, null, at("01:00")), row("u2", 5L, "x", at("01:00"))));
    FeatureView view = view(table, "", Map.of(), List.of(USER_ID),
        Field.of("score", INT64), Field.of("label", STRING));

    Map<String, OnlineWriteRow> rows = byUser(pull(request(view, START, END)));

    assertThat(rows.get("u1").values())
        .containsOnlyKeys("score", "label")
        .allSatisfy((name, value) -> assertThat(value).isEqualTo(Value.getDefaultInstance()));
    assertThat(rows.get("u2").values().get("label").getStringVal()).isEqualTo("x");
  }

  @Test
  void valuesTakeTheirDeclaredTypes() {
    List<Conversion> conversions = new ArrayList<>(List.of(
        new Conversion("i64", ColumnType.INT64, 7L, INT64, Value.newBuilder().setInt64Val(7).build()),
        new Conversion("i64_as_double", ColumnType.INT64, 7L, DOUBLE,
            Value.newBuilder().setDoubleVal(7.0).build()),
        new Conversion("f64", ColumnType.FLOAT64, 0.25, DOUBLE,
            Value.newBuilder().setDoubleVal(0.25).build()),
        new Conversion("f64_as_float", ColumnType.FLOAT64, 0.5, FLOAT,
            Value.newBuilder().setFloatVal(0.5f).build()),
        new Conversion("s", ColumnType.STRING, "héllo", STRING,
            Value.newBuilder().setStringVal("héllo").build()),
        new Conversion("b", ColumnType.BOOL, true, BOOL, Value.newBuilder().setBoolVal(true).build()),
        new Conversion("raw", ColumnType.BYTES, "xy".getBytes(StandardCharsets.UTF_8), BYTES,
            Value.newBuilder().setBytesVal(ByteString.copyFromUtf8("xy")).build()),
        new Conversion("ts", ColumnType.TIMESTAMP, START.plusSeconds(10), UNIX_TIMESTAMP,
            Value.newBuilder().setUnixTimestampVal(START.getEpochSecond() + 10).build())));
    if (columnTypes().contains(ColumnType.INT32)) {
      conversions.add(new Conversion("i32", ColumnType.INT32, 5, INT32,
          Value.newBuilder().setInt32Val(5).build()));
      conversions.add(new Conversion("i32_as_i64", ColumnType.INT32, 6, INT64,
          Value.newBuilder().setInt64Val(6).build()));
    }
    if (columnTypes().contains(ColumnType.FLOAT32)) {
      conversions.add(new Conversion("f32", ColumnType.FLOAT32, 1.5f, FLOAT,
          Value.newBuilder().setFloatVal(1.5f).build()));
      conversions.add(new Conversion("f32_as_double", ColumnType.FLOAT32, 2.5f, DOUBLE,
          Value.newBuilder().setDoubleVal(2.5).build()));
    }
    String table = table();
    List<Column> columns = new ArrayList<>(List.of(col("user_id", ColumnType.STRING)));
    List<Object> full = new ArrayList<>(List.of("full"));
    List<Object> empty = new ArrayList<>(Arrays.asList("empty"));
    List<Field> features = new ArrayList<>();
    for (Conversion c : conversions) {
      columns.add(col(c.column(), c.type()));
      full.add(c.stored());
      empty.add(null);
      features.add(Field.of(c.column(), c.declared()));
    }
    columns.add(col("event_timestamp", ColumnType.TIMESTAMP));
    full.add(at("01:00"));
    empty.add(at("01:00"));
    load(table, columns, List.of(full, empty));
    FeatureView view = view(table, "", Map.of(), List.of(USER_ID), features.toArray(Field[]::new));

    Map<String, OnlineWriteRow> rows = byUser(pull(request(view, START, END)));

    for (Conversion c : conversions) {
      assertThat(rows.get("full").values().get(c.column())).as(c.column()).isEqualTo(c.expected());
      assertThat(rows.get("empty").values().get(c.column())).as(c.column())
          .isEqualTo(Value.getDefaultInstance());
    }
  }

  @Test
  void anUnconvertibleColumnFailsBeforeAnyRowIsRead() {
    String table = table();
    load(table, List.of(col("user_id", ColumnType.STRING), col("score", ColumnType.STRING),
            col("event_timestamp", ColumnType.TIMESTAMP)),
        List.of(row("u1", "high", at("01:00"))));
    FeatureView view = view(table, "", Map.of(), List.of(USER_ID), Field.of("score", INT64));

    assertThatThrownBy(() -> store.checkPull(request(view, START, END)))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("feature view '" + view.name() + "'")
        .hasMessageContaining("feature 'score'")
        .hasMessageContaining("Int64")
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INVALID_DEFINITION));
    assertThatThrownBy(() -> store.pullLatest(request(view, START, END)).close())
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INVALID_DEFINITION));
  }

  @Test
  void aJoinKeyOfTheWrongTypeIsReported() {
    String table = table();
    load(table, List.of(col("user_id", ColumnType.BOOL), col("score", ColumnType.INT64),
            col("event_timestamp", ColumnType.TIMESTAMP)),
        List.of(row(true, 1L, at("01:00"))));
    FeatureView view = view(table, "", Map.of(), List.of(USER_ID), Field.of("score", INT64));

    assertThatThrownBy(() -> store.checkPull(request(view, START, END)))
        .hasMessageContaining("join key 'user_id'")
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INVALID_DEFINITION));
  }

  @Test
  void aMissingTableIsDataSourceNotFound() {
    String table = table();
    FeatureView view = view(table, "", Map.of(), List.of(USER_ID), Field.of("score", INT64));

    assertThatThrownBy(() -> store.checkPull(request(view, START, END)))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining(view.batchSource().name())
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.DATA_SOURCE_NOT_FOUND));
  }

  @Test
  void aMissingColumnIsNamed() {
    String table = table();
    load(table, List.of(col("user_id", ColumnType.STRING), col("event_timestamp", ColumnType.TIMESTAMP)),
        List.of(row("u1", at("01:00"))));
    FeatureView view = view(table, "", Map.of(), List.of(USER_ID), Field.of("score", INT64));

    assertThatThrownBy(() -> store.checkPull(request(view, START, END)))
        .hasMessageContaining("column 'score'")
        .hasMessageContaining(view.batchSource().name())
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INVALID_DEFINITION));
  }

  @Test
  void rowsArriveInBatchesOfTheRequestedSize() {
    String table = table();
    List<List<Object>> data = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      data.add(row("u" + i, (long) i, START.plusSeconds(i)));
    }
    load(table, List.of(col("user_id", ColumnType.STRING), col("score", ColumnType.INT64),
        col("event_timestamp", ColumnType.TIMESTAMP)), data);
    FeatureView view = view(table, "", Map.of(), List.of(USER_ID), Field.of("score", INT64));

    List<Integer> sizes = batchSizes(new PullLatestRequest(view, List.of(USER_ID), START, END, 1_000));

    assertThat(sizes).containsExactly(1_000, 1_000, 500);
  }

  /**
   * The sizes of the batches of one pull, then checks that an exhausted stream stays empty.
   * Back-ends answering through a stand-in override it like {@link #pull}.
   */
  protected List<Integer> batchSizes(PullLatestRequest request) {
    List<Integer> sizes = new ArrayList<>();
    try (OfflineRowStream stream = store.pullLatest(request)) {
      for (List<OnlineWriteRow> batch = stream.nextBatch(); !batch.isEmpty();
          batch = stream.nextBatch()) {
        sizes.add(batch.size());
      }
      assertThat(stream.nextBatch()).isEmpty();
    }
    return sizes;
  }

  @Test
  void anEntitylessViewYieldsOneRowUnderTheDummyKey() {
    String table = table();
    load(table, List.of(col("score", ColumnType.INT64), col("event_timestamp", ColumnType.TIMESTAMP)),
        List.of(row(1L, at("01:00")), row(2L, at("02:00"))));
    FeatureView view = view(table, "", Map.of(), List.of(), Field.of("score", INT64));

    List<OnlineWriteRow> rows = pull(request(view, START, END));

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).key().getJoinKeysList()).containsExactly("__dummy_id");
    assertThat(rows.get(0).key().getEntityValues(0).getStringVal()).isEmpty();
    assertThat(rows.get(0).values().get("score").getInt64Val()).isEqualTo(2);
  }

  @Test
  void anEmptyWindowYieldsNoRows() {
    String table = table();
    load(table, List.of(col("user_id", ColumnType.STRING), col("score", ColumnType.INT64),
            col("event_timestamp", ColumnType.TIMESTAMP)),
        List.of(row("u1", 1L, END.plusSeconds(60))));
    FeatureView view = view(table, "", Map.of(), List.of(USER_ID), Field.of("score", INT64));

    assertThat(pull(request(view, START, END))).isEmpty();
  }

  // ---- helpers for subclasses and tests ----

  /** A table name unique in this JVM, safe as an identifier everywhere. */
  protected static String table() {
    return "contract_" + Long.toString(ProcessHandle.current().pid(), 36) + "_"
        + TABLE_COUNTER.incrementAndGet();
  }

  protected static Column col(String name, ColumnType type) {
    return new Column(name, type);
  }

  protected static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  /** A time on the first day of the window, {@code HH:mm} UTC. */
  protected static Instant at(String time) {
    return Instant.parse("2024-01-01T" + time + ":00Z");
  }

  protected static PullLatestRequest request(FeatureView view, Instant start, Instant end) {
    return new PullLatestRequest(view, view.entityColumns(), start, end,
        PullLatestRequest.DEFAULT_BATCH_SIZE);
  }

  /** A view over {@code table} with timestamp column {@code event_timestamp} (before mapping). */
  protected FeatureView view(String table, String created, Map<String, String> mapping,
      List<Field> keys, Field... features) {
    DataSource source = new DataSource(table + "_source", "event_timestamp", created, "", mapping,
        null, sourceOptions(table));
    return new FeatureView(table + "_view", keys.isEmpty() ? List.of("__dummy") : List.of("user"),
        List.of(features), keys, Duration.ZERO, true, false, source, Optional.empty(), null);
  }

  private static Map<String, OnlineWriteRow> byUser(List<OnlineWriteRow> rows) {
    Map<String, OnlineWriteRow> byUser = new HashMap<>();
    for (OnlineWriteRow row : rows) {
      String key = row.key().getEntityValues(0).getStringVal();
      assertThat(byUser.put(key, row)).as("more than one row for " + key).isNull();
    }
    return byUser;
  }

  private static ErrorCode code(Throwable e) {
    assertThat(e).isInstanceOf(FeatureStoreException.class);
    return ((FeatureStoreException) e).code();
  }

  private record Conversion(
      String column, ColumnType type, Object stored, FeastType declared, Value expected) {}
}
