package dev.featurestore.cli.sample;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the generated files back through an in-memory DuckDB, the way the offline store will. */
final class ParquetReader implements AutoCloseable {
  private final Connection connection;

  ParquetReader() throws SQLException {
    connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
    }
  }

  /** Column name to DuckDB type, in file order. */
  Map<String, String> schema(Path file) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
      while (rs.next()) {
        columns.put(rs.getString("column_name"), rs.getString("column_type"));
      }
    }
    return columns;
  }

  /** Every row of a query as one string, cells separated by {@code |}. */
  List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  long number(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
