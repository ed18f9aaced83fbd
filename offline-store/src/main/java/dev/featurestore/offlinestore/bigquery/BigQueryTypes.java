package dev.featurestore.offlinestore.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.LegacySQLTypeName;
import com.google.cloud.bigquery.StandardSQLTypeName;
import dev.featurestore.core.model.ValueType;

/**
 * BigQuery column types to Feast value types, following Feast's {@code
 * type_map.bq_to_feast_value_type}: INT64 is Int64, FLOAT64 Double, NUMERIC Double here (Feast
 * says Int64, which loses the fraction), TIMESTAMP, DATETIME and DATE are timestamps, and a
 * REPEATED column is the list of its element type.
 */
final class BigQueryTypes {

  private BigQueryTypes() {}

  static ValueType valueType(Field field) {
    ValueType element = switch (standard(field)) {
      case INT64 -> ValueType.INT64;
      case FLOAT64, NUMERIC, BIGNUMERIC -> ValueType.DOUBLE;
      case STRING -> ValueType.STRING;
      case BYTES -> ValueType.BYTES;
      case BOOL -> ValueType.BOOL;
      case TIMESTAMP, DATETIME, DATE -> ValueType.UNIX_TIMESTAMP;
      case JSON -> ValueType.JSON;
      default -> ValueType.INVALID;
    };
    if (field.getMode() != Field.Mode.REPEATED) {
      return element;
    }
    return switch (element) {
      case INT64 -> ValueType.INT64_LIST;
      case DOUBLE -> ValueType.DOUBLE_LIST;
      case STRING -> ValueType.STRING_LIST;
      case BYTES -> ValueType.BYTES_LIST;
      case BOOL -> ValueType.BOOL_LIST;
      case UNIX_TIMESTAMP -> ValueType.UNIX_TIMESTAMP_LIST;
      default -> ValueType.INVALID;
    };
  }

  static StandardSQLTypeName standard(Field field) {
    LegacySQLTypeName type = field.getType();
    return type == null ? StandardSQLTypeName.STRING : type.getStandardType();
  }

  /** The type as BigQuery users write it, for messages. */
  static String describe(Field field) {
    String name = standard(field).name();
    return field.getMode() == Field.Mode.REPEATED ? "ARRAY<" + name + ">" : name;
  }
}
