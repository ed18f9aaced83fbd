package dev.featurestore.offlinestore.file;

import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.testing.AbstractOfflineStoreContractTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The contract on Parquet files written by DuckDB, one file per generated table. */
class DuckDbOfflineStoreContractTest extends AbstractOfflineStoreContractTest {

  @TempDir Path repo;

  @Override
  protected OfflineStore createStore() {
    return new DuckDbOfflineStore(new RepoConfig(
        "test", "local", new RegistryConfig("file", "data/registry.db", null, null, false),
        new StoreConfig("online_store", "sqlite", Map.of()),
        new StoreConfig("offline_store", "file", Map.of()),
        3, Map.of(), Map.of(), Map.of(), Map.of(), repo, List.of()));
  }

  @Override
  protected DataSource.Options sourceOptions(String table) {
    return new DataSource.FileOptions("data/" + table + ".parquet", null, null);
  }

  @Override
  protected void load(String table, List<Column> columns, List<List<Object>> rows) {
    Path file = repo.resolve("data/" + table + ".parquet");
    String definition = String.join(", ",
        columns.stream().map(c -> DuckDbSql.identifier(c.name()) + " " + type(c.type())).toList());
    String casts = String.join(", ",
        columns.stream().map(c -> "CAST(? AS " + type(c.type()) + ")").toList());
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      Files.createDirectories(file.getParent());
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("CREATE TABLE t (" + definition + ")");
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO t VALUES (" + casts + ")")) {
        for (List<Object> row : rows) {
          for (int i = 0; i < row.size(); i++) {
            Object value = row.get(i);
            insert.setObject(i + 1, value instanceof Instant instant ? instant.toString() : value);
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
      statement.execute("COPY t TO " + DuckDbSql.literal(file.toString()) + " (FORMAT parquet)");
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String type(ColumnType type) {
    return switch (type) {
      case STRING -> "VARCHAR";
      case INT32 -> "INTEGER";
      case INT64 -> "BIGINT";
      case FLOAT32 -> "FLOAT";
      case FLOAT64 -> "DOUBLE";
      case BOOL -> "BOOLEAN";
      case BYTES -> "BLOB";
      case TIMESTAMP -> "TIMESTAMPTZ";
    };
  }
}
