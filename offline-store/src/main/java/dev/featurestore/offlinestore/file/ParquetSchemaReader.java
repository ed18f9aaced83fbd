package dev.featurestore.offlinestore.file;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.SourceSchemaReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code FileSource}'s Parquet schema through an in-memory DuckDB, mapping DuckDB's types
 * to Feast's as Feast's {@code pa_to_feast_value_type} maps Arrow's.
 */
public final class ParquetSchemaReader implements SourceSchemaReader {

  @Override
  public boolean supports(DataSource source) {
    return source.options() instanceof DataSource.FileOptions
        || source.batchSource().map(this::supports).orElse(false);
  }

  @Override
  public Map<String, ValueType> columns(DataSource source, RepoConfig config) {
    DataSource fileSource = source.options() instanceof DataSource.FileOptions
        ? source
        : source.batchSource().orElseThrow();
    String path = ((DataSource.FileOptions) fileSource.options()).path();
    Path resolved = config.resolve(path);
    if (!path.contains("://") && !Files.exists(resolved)) {
      throw new FeatureStoreException(ErrorCode.DATA_SOURCE_NOT_FOUND,
          "file '" + resolved + "' of source '" + fileSource.name() + "' does not exist");
    }
    String location = path.contains("://") ? path : resolved.toString();
    Map<String, ValueType> columns = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "DESCRIBE SELECT * FROM read_parquet('" + location.replace("'", "''") + "')")) {
      while (rows.next()) {
        columns.put(rows.getString("column_name"), valueType(rows.getString("column_type")));
      }
    } catch (SQLException e) {
      throw new FeatureStoreException(ErrorCode.OFFLINE_STORE_UNAVAILABLE,
          "cannot read the schema of '" + location + "' (source '" + fileSource.name() + "'): "
              + e.getMessage(), e);
    }
    return columns;
  }

  static ValueType valueType(String duckDbType) {
    String type = duckDbType.toUpperCase(Locale.ROOT);
    if (type.endsWith("[]")) {
      ValueType element = valueType(type.substring(0, type.length() - 2));
      return switch (element) {
        case BYTES -> ValueType.BYTES_LIST;
        case STRING -> ValueType.STRING_LIST;
        case INT32 -> ValueType.INT32_LIST;
        case INT64 -> ValueType.INT64_LIST;
        case DOUBLE -> ValueType.DOUBLE_LIST;
        case FLOAT -> ValueType.FLOAT_LIST;
        case BOOL -> ValueType.BOOL_LIST;
        case UNIX_TIMESTAMP -> ValueType.UNIX_TIMESTAMP_LIST;
        default -> ValueType.INVALID;
      };
    }
    if (type.startsWith("TIMESTAMP") || type.equals("DATE")) {
      return ValueType.UNIX_TIMESTAMP;
    }
    if (type.startsWith("DECIMAL")) {
      return ValueType.DOUBLE;
    }
    return switch (type) {
      case "VARCHAR", "UUID" -> ValueType.STRING;
      case "BLOB" -> ValueType.BYTES;
      case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT" -> ValueType.INT32;
      case "BIGINT", "UINTEGER", "HUGEINT" -> ValueType.INT64;
      case "DOUBLE" -> ValueType.DOUBLE;
      case "FLOAT" -> ValueType.FLOAT;
      case "BOOLEAN" -> ValueType.BOOL;
      case "JSON" -> ValueType.JSON;
      default -> ValueType.INVALID;
    };
  }
}
