package dev.featurestore.offlinestore.postgres;

import dev.featurestore.core.model.ValueType;
import java.util.Locale;

/**
 * PostgreSQL column types (as {@code ResultSetMetaData.getColumnTypeName} reports them) to Feast
 * value types, following Feast's {@code type_map.pg_type_to_feast_value_type}; arrays are the
 * element name with a leading underscore ({@code _int8}).
 */
final class PostgresTypes {

  private PostgresTypes() {}

  static ValueType valueType(String typeName) {
    String type = typeName.toLowerCase(Locale.ROOT);
    if (type.startsWith("_")) {
      return switch (valueType(type.substring(1))) {
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
    return switch (type) {
      case "int2", "int4" -> ValueType.INT32;
      case "int8" -> ValueType.INT64;
      case "float4" -> ValueType.FLOAT;
      case "float8", "numeric" -> ValueType.DOUBLE;
      case "text", "varchar", "bpchar", "name", "uuid" -> ValueType.STRING;
      case "bool" -> ValueType.BOOL;
      case "bytea" -> ValueType.BYTES;
      case "timestamp", "timestamptz", "date" -> ValueType.UNIX_TIMESTAMP;
      case "json", "jsonb" -> ValueType.JSON;
      default -> ValueType.INVALID;
    };
  }

  /** Whether a column of this type can be an event or created time. */
  static boolean isTime(String typeName) {
    return switch (typeName.toLowerCase(Locale.ROOT)) {
      case "timestamp", "timestamptz", "date" -> true;
      default -> false;
    };
  }

  /** Whether values are best read as text (the driver returns a PGobject for these). */
  static boolean readAsText(String typeName) {
    return switch (typeName.toLowerCase(Locale.ROOT)) {
      case "json", "jsonb", "uuid", "bpchar", "name" -> true;
      default -> false;
    };
  }
}
