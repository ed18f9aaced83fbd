package dev.featurestore.onlinestore.sqlite;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * One feature view's table in Feast's SQLite online-store layout ({@code
 * sdk/python/feast/infra/online_stores/sqlite.py}): named {@code <project>_<view>} and always
 * quoted; one row per (serialized entity key without project, plain feature name), holding the
 * serialized {@code feast.types.Value}, its text ({@code value_text}), optionally its number
 * ({@code value_num}), and the event and created times as epoch seconds; indexed {@code <table>_ek}
 * on {@code entity_key}.
 */
record SqliteFeatureTable(String name) {

  SqliteFeatureTable {
    requireNonNull(name, "name is null");
  }

  static SqliteFeatureTable of(String project, String view) {
    return new SqliteFeatureTable(project + "_" + view);
  }

  String quoted() {
    return quote(name);
  }

  /**
   * Creates the table and its index if missing and adds the columns later Feast versions added
   * ({@code value_text}; {@code value_num} when asked), as Feast's {@code update} does.
   *
   * @return whether the table has a {@code value_num} column
   */
  boolean ensure(Connection connection, boolean withValueNum) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + quoted()
              + " (entity_key BLOB, feature_name TEXT, value BLOB, value_text TEXT, "
              + (withValueNum ? "value_num REAL, " : "")
              + "vector_value BLOB, event_ts timestamp, created_ts timestamp, "
              + "PRIMARY KEY(entity_key, feature_name))");
      statement.execute(
          "CREATE INDEX IF NOT EXISTS "
              + quote(name + "_ek")
              + " ON "
              + quoted()
              + " (entity_key)");
      Set<String> columns = columns(statement);
      if (!columns.contains("value_text")) {
        statement.execute(
            "ALTER TABLE " + quoted() + " ADD COLUMN " + quote("value_text") + " TEXT");
      }
      if (withValueNum && !columns.contains("value_num")) {
        statement.execute(
            "ALTER TABLE " + quoted() + " ADD COLUMN " + quote("value_num") + " REAL");
        return true;
      }
      return columns.contains("value_num");
    }
  }

  private Set<String> columns(Statement statement) throws SQLException {
    Set<String> columns = new HashSet<>();
    try (ResultSet rows = statement.executeQuery("PRAGMA table_info(" + quoted() + ")")) {
      while (rows.next()) {
        columns.add(rows.getString("name"));
      }
    }
    return columns;
  }

  /**
   * Feast's unconditional upsert: the later write wins whatever its event time. Parameters:
   * entity_key, feature_name, value, value_text, [value_num,] event_ts, created_ts.
   */
  String upsertSql(boolean withValueNum) {
    String numColumn = withValueNum ? ", value_num" : "";
    String numParam = withValueNum ? ", ?" : "";
    String numUpdate = withValueNum ? ", value_num = excluded.value_num" : "";
    return "INSERT INTO "
        + quoted()
        + " (entity_key, feature_name, value, value_text"
        + numColumn
        + ", event_ts, created_ts) VALUES (?, ?, ?, ?"
        + numParam
        + ", ?, ?) ON CONFLICT(entity_key, feature_name) DO UPDATE SET"
        + " value = excluded.value, value_text = excluded.value_text"
        + numUpdate
        + ", event_ts = excluded.event_ts, created_ts = excluded.created_ts";
  }

  /** Every feature row of the given number of keys, as Feast reads them. */
  String selectSql(int keyCount) {
    return "SELECT entity_key, feature_name, value, event_ts FROM "
        + quoted()
        + " WHERE entity_key IN ("
        + "?,".repeat(keyCount - 1)
        + "?)";
  }

  /** Every row of one entity; parameter: entity_key. */
  String deleteEntitySql() {
    return "DELETE FROM " + quoted() + " WHERE entity_key = ?";
  }

  String dropSql() {
    return "DROP TABLE IF EXISTS " + quoted();
  }

  /** SQL identifier quoting: double quotes, embedded quotes doubled. */
  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
