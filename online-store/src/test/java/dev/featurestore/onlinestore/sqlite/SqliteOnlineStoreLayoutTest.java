package dev.featurestore.onlinestore.sqlite;

import static dev.featurestore.testing.OnlineStoreTestData.bool;
import static dev.featurestore.testing.OnlineStoreTestData.float32;
import static dev.featurestore.testing.OnlineStoreTestData.float64;
import static dev.featurestore.testing.OnlineStoreTestData.int64;
import static dev.featurestore.testing.OnlineStoreTestData.key;
import static dev.featurestore.testing.OnlineStoreTestData.nullValue;
import static dev.featurestore.testing.OnlineStoreTestData.string;
import static dev.featurestore.testing.OnlineStoreTestData.timestamp;
import static dev.featurestore.testing.OnlineStoreTestData.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.online.ViewRead;
import feast.proto.types.ValueProto.FloatList;
import feast.proto.types.ValueProto.Value;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests of Feast's SQLite layout ({@code sdk/python/feast/infra/online_stores/sqlite.py}):
 * what we write is read with plain JDBC byte by byte, and rows written the way Feast's Python does
 * are read back. Byte values are those of docs/feast-compat.md.
 */
class SqliteOnlineStoreLayoutTest {

  private static final HexFormat HEX = HexFormat.of();
  private static final String PROJECT = "credit_scoring";
  private static final String TABLE = "credit_scoring_user_profile";

  /** {@code user_id = "u_42"}, entity key serialization v3. */
  private static final String U42_V3 =
      "01000000"
          + "02000000"
          + "07000000"
          + "757365725f6964"
          + "02000000"
          + "04000000"
          + "755f3432";

  private static final Timestamp EVENT = timestamp("2024-01-15T12:00:00Z"); // 1705320000
  private static final Timestamp CREATED = timestamp("2024-01-15T12:00:05Z");

  @TempDir Path folder;
  private Path file;
  private SqliteOnlineStore store;

  @BeforeEach
  void open() {
    file = folder.resolve("online.db");
    store = new SqliteOnlineStore(file, 3);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void createsFeastsTableAndIndex() throws SQLException {
    store.write(
        PROJECT,
        "user_profile",
        List.of(new OnlineWriteRow(user("u_42"), EVENT, CREATED, Map.of("n", int64(7)))));

    try (Connection jdbc = jdbc()) {
      assertThat(strings(jdbc, "SELECT name FROM sqlite_master WHERE type = 'table'"))
          .containsExactly(TABLE);
      assertThat(
              strings(
                  jdbc, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
          .containsExactly(TABLE + "_ek");
      List<String> columns = new ArrayList<>();
      try (ResultSet rs =
          jdbc.createStatement().executeQuery("PRAGMA table_info(\"" + TABLE + "\")")) {
        while (rs.next()) {
          columns.add(rs.getString("name") + " " + rs.getString("type") + " pk" + rs.getInt("pk"));
        }
      }
      assertThat(columns)
          .containsExactly(
              "entity_key BLOB pk1",
              "feature_name TEXT pk2",
              "value BLOB pk0",
              "value_text TEXT pk0",
              "vector_value BLOB pk0",
              "event_ts timestamp pk0",
              "created_ts timestamp pk0");
    }
  }

  @Test
  void writesFeastsBytesAndTexts() throws SQLException {
    Map<String, Value> values = new LinkedHashMap<>();
    values.put("n", int64(7));
    values.put("s", string("abc"));
    values.put("d", float64(0.5));
    values.put("f", float32(0.1f));
    values.put("b", bool(true));
    values.put("e", nullValue());
    store.write(
        PROJECT, "user_profile", List.of(new OnlineWriteRow(user("u_42"), EVENT, CREATED, values)));

    try (Connection jdbc = jdbc();
        ResultSet rs =
            jdbc.createStatement()
                .executeQuery(
                    "SELECT entity_key, feature_name, value, value_text, vector_value, event_ts,"
                        + " typeof(event_ts), typeof(value), created_ts FROM \""
                        + TABLE
                        + "\" ORDER BY feature_name")) {
      Map<String, String> valueHex = new LinkedHashMap<>();
      Map<String, String> texts = new LinkedHashMap<>();
      while (rs.next()) {
        assertThat(HEX.formatHex(rs.getBytes("entity_key"))).isEqualTo(U42_V3);
        byte[] value = rs.getBytes("value");
        // Feast stores the empty Value as a zero-length BLOB, not NULL.
        assertThat(rs.getString(8)).isEqualTo("blob");
        valueHex.put(rs.getString("feature_name"), value == null ? "" : HEX.formatHex(value));
        texts.put(rs.getString("feature_name"), String.valueOf(rs.getString("value_text")));
        assertThat(rs.getObject("vector_value")).isNull();
        assertThat(rs.getLong("event_ts")).isEqualTo(1_705_320_000L);
        assertThat(rs.getString(7)).isEqualTo("integer");
        assertThat(rs.getLong("created_ts")).isEqualTo(1_705_320_005L);
      }
      assertThat(valueHex)
          .containsExactly(
              Map.entry("b", "3801"),
              Map.entry("d", "29000000000000e03f"),
              Map.entry("e", ""),
              Map.entry("f", "35cdcccc3d"),
              Map.entry("n", "2007"),
              Map.entry("s", "1203616263"));
      assertThat(texts)
          .containsExactly(
              Map.entry("b", "True"),
              Map.entry("d", "0.5"),
              Map.entry("e", "null"),
              Map.entry("f", "0.10000000149011612"),
              Map.entry("n", "7"),
              Map.entry("s", "abc"));
    }
  }

  @Test
  void writesNullCreatedTimeWhenTheSourceHasNone() throws SQLException {
    store.write(
        PROJECT,
        "user_profile",
        List.of(new OnlineWriteRow(user("u_42"), EVENT, null, Map.of("n", int64(7)))));
    try (Connection jdbc = jdbc()) {
      assertThat(strings(jdbc, "SELECT typeof(created_ts) FROM \"" + TABLE + "\""))
          .containsExactly("null");
    }
  }

  @Test
  void writesTheConfiguredKeyVersion() throws SQLException {
    store.close();
    store = new SqliteOnlineStore(file, 2);
    store.write(
        PROJECT,
        "driver_stats",
        List.of(
            new OnlineWriteRow(key("driver_id", int64(1001)), EVENT, null, Map.of("n", int64(7)))));
    try (Connection jdbc = jdbc()) {
      assertThat(strings(jdbc, "SELECT hex(entity_key) FROM \"credit_scoring_driver_stats\""))
          .containsExactly("020000006472697665725F696404000000" + "08000000E903000000000000");
    }
  }

  @Test
  void fillsValueNumWhenAsked() throws SQLException {
    store.close();
    store = new SqliteOnlineStore(file, 3, true, 2);
    store.write(
        PROJECT,
        "user_profile",
        List.of(
            new OnlineWriteRow(
                user("u_42"),
                EVENT,
                null,
                Map.of("n", int64(7), "b", bool(false), "s", string("x")))));
    try (Connection jdbc = jdbc()) {
      assertThat(
              strings(
                  jdbc,
                  "SELECT feature_name || '=' || quote(value_num) FROM \""
                      + TABLE
                      + "\" ORDER BY 1"))
          .containsExactly("b=0.0", "n=7.0", "s=NULL");
    }
  }

  /** A table as Feast before 0.66 created it (no value_text), filled as Feast's Python fills it. */
  @Test
  void readsRowsFeastWrote() throws SQLException {
    // {user_id: "u_42", merchant_id: int64 77}, v3, join keys sorted by name.
    String compositeKey =
        "02000000"
            + "02000000"
            + "0b000000"
            + "6d65726368616e745f6964"
            + "02000000"
            + "07000000"
            + "757365725f6964"
            + "04000000"
            + "08000000"
            + "4d00000000000000"
            + "02000000"
            + "04000000"
            + "755f3432";
    try (Connection jdbc = jdbc();
        Statement statement = jdbc.createStatement()) {
      statement.execute(
          "CREATE TABLE \""
              + PROJECT
              + "_user_merchant\" (entity_key BLOB, feature_name TEXT,"
              + " value BLOB, vector_value BLOB, event_ts timestamp, created_ts timestamp,"
              + "  PRIMARY KEY(entity_key, feature_name))");
      insert(jdbc, PROJECT + "_user_merchant", compositeKey, "txn_count", "20e907", 1_705_320_000L);
      insert(
          jdbc,
          PROJECT + "_user_merchant",
          compositeKey,
          "amount_avg",
          "29000000000000e03f",
          1_705_320_000L);
      insert(
          jdbc,
          PROJECT + "_user_merchant",
          compositeKey,
          "embedding",
          "82010a0a080000803f00000040",
          1_705_323_600L);
      insert(jdbc, PROJECT + "_user_merchant", compositeKey, "nothing", "", 1_705_320_000L);
      // Feast before 0.42 stored ISO text; the row must still be readable.
      insert(jdbc, PROJECT + "_user_merchant", U42_V3, "txn_count", "2007", "2024-01-15 12:00:00");
    }

    List<List<OnlineRow>> result =
        store.read(
            PROJECT,
            List.of(
                new ViewRead(
                    "user_merchant",
                    List.of("embedding", "txn_count", "amount_avg", "nothing", "absent"),
                    List.of(
                        key("user_id", string("u_42"), "merchant_id", int64(77)),
                        user("u_42"),
                        user("u_43")))));

    OnlineRow composite = result.get(0).get(0);
    Value floats =
        Value.newBuilder()
            .setFloatListVal(FloatList.newBuilder().addVal(1.0f).addVal(2.0f))
            .build();
    assertThat(composite.values())
        .containsExactly(floats, int64(1001), float64(0.5), nullValue(), null);
    assertThat(composite.eventTimestamp()).isEqualTo(timestamp("2024-01-15T13:00:00Z"));
    assertThat(result.get(0).get(1).values()).containsExactly(null, int64(7), null, null, null);
    assertThat(result.get(0).get(1).eventTimestamp()).isEqualTo(EVENT);
    assertThat(result.get(0).get(2)).isNull();
  }

  @Test
  void addsValueTextToAnOlderFeastTable() throws SQLException {
    try (Connection jdbc = jdbc();
        Statement statement = jdbc.createStatement()) {
      statement.execute(
          "CREATE TABLE \""
              + TABLE
              + "\" (entity_key BLOB, feature_name TEXT, value BLOB, vector_value BLOB, event_ts"
              + " timestamp, created_ts timestamp, PRIMARY KEY(entity_key, feature_name))");
      insert(jdbc, TABLE, U42_V3, "old", "2007", 1_705_320_000L);
    }
    store.write(
        PROJECT,
        "user_profile",
        List.of(new OnlineWriteRow(user("u_42"), EVENT, null, Map.of("n", int64(8)))));

    try (Connection jdbc = jdbc()) {
      assertThat(
              strings(
                  jdbc,
                  "SELECT feature_name || ':' || quote(value_text) FROM \""
                      + TABLE
                      + "\" ORDER BY 1"))
          .containsExactly("n:'8'", "old:NULL");
    }
    assertThat(
            store
                .read(
                    PROJECT,
                    List.of(
                        new ViewRead("user_profile", List.of("old", "n"), List.of(user("u_42")))))
                .get(0)
                .get(0)
                .values())
        .containsExactly(int64(7), int64(8));
  }

  @Test
  void createsTheFileAndItsFolders() {
    store.close();
    Path nested = folder.resolve("a/b/online.db");
    store = new SqliteOnlineStore(nested, 3);
    assertThat(store.isHealthy()).isTrue();
    assertThat(nested).exists();
  }

  private Connection jdbc() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file);
  }

  /** Inserts a row as Feast's Python does: bytes as BLOBs, times as integers (or old ISO text). */
  private static void insert(
      Connection jdbc, String table, String keyHex, String feature, String valueHex, Object eventTs)
      throws SQLException {
    try (PreparedStatement insert =
        jdbc.prepareStatement(
            "INSERT INTO \""
                + table
                + "\" (entity_key, feature_name, value, event_ts, created_ts) VALUES (?, ?, ?, ?,"
                + " NULL)")) {
      insert.setBytes(1, HEX.parseHex(keyHex));
      insert.setString(2, feature);
      insert.setBytes(3, HEX.parseHex(valueHex));
      insert.setObject(4, eventTs);
      insert.executeUpdate();
    }
  }

  private static List<String> strings(Connection jdbc, String sql) throws SQLException {
    List<String> result = new ArrayList<>();
    try (ResultSet rs = jdbc.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        result.add(rs.getString(1));
      }
    }
    return result;
  }
}
