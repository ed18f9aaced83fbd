package dev.featurestore.offlinestore.file;

import static dev.featurestore.offlinestore.file.DuckDbSql.identifier;
import static dev.featurestore.offlinestore.file.DuckDbSql.literal;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.offline.EntityRows;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The entity rows of a retrieval as a temporary DuckDB table, {@value #TABLE}. A file is copied by
 * DuckDB itself (insertion order kept, so {@code rowid} is the row's position in the file); rows
 * given in Java are inserted in batches. Finds the event-time column as Feast's {@code
 * infer_event_timestamp_from_entity_df}: {@code event_timestamp}, else the only timestamp column.
 *
 * @param columns column name to DuckDB type, in table order
 */
record DuckDbEntityTable(Map<String, String> columns, String eventTimestampColumn) {

  static final String TABLE = "__fs_entity_rows";

  /** Creates the table on {@code connection} and describes it. */
  static DuckDbEntityTable load(Connection connection, EntityRows entities) throws SQLException {
    if (entities instanceof EntityRows.File file) {
      copyFile(connection, file);
    } else {
      insertRows(connection, (EntityRows.Rows) entities);
    }
    Map<String, String> columns = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("DESCRIBE " + TABLE)) {
      while (rows.next()) {
        columns.put(rows.getString("column_name"), rows.getString("column_type"));
      }
    }
    return new DuckDbEntityTable(columns, eventTimestampColumn(columns));
  }

  /** Whether a column of this name exists; DuckDB names are case-insensitive. */
  boolean hasColumn(String name) {
    return columns.keySet().stream().anyMatch(c -> c.equalsIgnoreCase(name));
  }

  String type(String column) {
    return columns.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(column))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }

  private static void copyFile(Connection connection, EntityRows.File file) throws SQLException {
    if (!Files.exists(file.path())) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_ARGUMENT, "entity file '" + file.path() + "' does not exist");
    }
    String path = Files.isDirectory(file.path())
        ? file.path().resolve("**").resolve("*.parquet").toString()
        : file.path().toString();
    String read = switch (file.format()) {
      case PARQUET -> "read_parquet(" + literal(path) + ")";
      case CSV -> "read_csv(" + literal(path) + ", header = true)";
    };
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMP TABLE " + TABLE + " AS SELECT * FROM " + read);
    } catch (SQLException e) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_ARGUMENT,
          "cannot read entity file '" + file.path() + "' as " + file.format() + ": "
              + e.getMessage(),
          e);
    }
  }

  private static void insertRows(Connection connection, EntityRows.Rows entities)
      throws SQLException {
    List<String> definitions = new ArrayList<>();
    List<String> placeholders = new ArrayList<>();
    for (int i = 0; i < entities.columns().size(); i++) {
      String type = sqlType(entities, i);
      definitions.add(identifier(entities.columns().get(i)) + " " + type);
      // Instants travel as ISO text: the driver's own timestamp binding depends on the JVM zone.
      placeholders.add(type.equals("TIMESTAMPTZ") ? "CAST(? AS TIMESTAMPTZ)" : "?");
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMP TABLE " + TABLE + " (" + String.join(", ", definitions) + ")");
    }
    String insert = "INSERT INTO " + TABLE + " VALUES (" + String.join(", ", placeholders) + ")";
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      int pending = 0;
      for (List<Object> row : entities.rows()) {
        for (int i = 0; i < row.size(); i++) {
          Object value = row.get(i);
          statement.setObject(i + 1, value instanceof Instant instant ? instant.toString() : value);
        }
        statement.addBatch();
        if (++pending == 1_000) {
          statement.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        statement.executeBatch();
      }
    }
  }

  private static String sqlType(EntityRows.Rows entities, int column) {
    Object sample = entities.rows().stream()
        .map(row -> row.get(column))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse("");
    if (sample instanceof String) {
      return "VARCHAR";
    } else if (sample instanceof Long) {
      return "BIGINT";
    } else if (sample instanceof Integer) {
      return "INTEGER";
    } else if (sample instanceof Double) {
      return "DOUBLE";
    } else if (sample instanceof Boolean) {
      return "BOOLEAN";
    } else if (sample instanceof Instant) {
      return "TIMESTAMPTZ";
    }
    throw new FeatureStoreException(
        ErrorCode.INVALID_ARGUMENT,
        "entity column '" + entities.columns().get(column) + "' holds a "
            + sample.getClass().getSimpleName()
            + "; use String, Long, Integer, Double, Boolean or Instant");
  }

  private static String eventTimestampColumn(Map<String, String> columns) {
    for (String column : columns.keySet()) {
      if (column.equals(EntityRows.EVENT_TIMESTAMP)) {
        checkTimeType(column, columns.get(column));
        return column;
      }
    }
    List<String> timeColumns = columns.entrySet().stream()
        .filter(e -> isTime(e.getValue()))
        .map(Map.Entry::getKey)
        .toList();
    if (timeColumns.size() == 1) {
      return timeColumns.get(0);
    }
    throw new FeatureStoreException(
        ErrorCode.INVALID_ARGUMENT,
        "the entity rows have no " + EntityRows.EVENT_TIMESTAMP + " column (their columns are "
            + String.join(", ", columns.keySet()) + "); name the column of event times "
            + EntityRows.EVENT_TIMESTAMP);
  }

  private static void checkTimeType(String column, String type) {
    String upper = type.toUpperCase(Locale.ROOT);
    if (!isTime(type) && !upper.equals("VARCHAR")) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_ARGUMENT,
          "the entity column " + column + " has type " + type
              + "; it must hold timestamps (or ISO 8601 text)");
    }
  }

  private static boolean isTime(String type) {
    String upper = type.toUpperCase(Locale.ROOT);
    return upper.startsWith("TIMESTAMP") || upper.equals("DATE");
  }
}
