package dev.featurestore.onlinestore.sqlite;

import feast.proto.types.ValueProto.Value;

/**
 * The searchable copies of a value Feast writes beside the serialized one: {@code value_text}
 * (Python's {@code str()} of a string, number or bool; null otherwise) and {@code value_num} (the
 * number as a double, bool as 1.0/0.0). Mirrors {@code extract_text_and_num} in Feast's {@code
 * sdk/python/feast/infra/online_stores/helpers.py}.
 */
final class SqliteValueColumns {

  private SqliteValueColumns() {}

  /** Python's {@code str()} of the value, or {@code null} for other kinds and empty values. */
  static String text(Value value) {
    return switch (value.getValCase()) {
      case STRING_VAL -> value.getStringVal();
      case INT64_VAL -> Long.toString(value.getInt64Val());
      case INT32_VAL -> Integer.toString(value.getInt32Val());
      // Python widens a proto float to a double before printing it: 0.1f -> 0.10000000149011612.
      case DOUBLE_VAL -> PythonFloatText.format(value.getDoubleVal());
      case FLOAT_VAL -> PythonFloatText.format(value.getFloatVal());
      case BOOL_VAL -> value.getBoolVal() ? "True" : "False";
      default -> null;
    };
  }

  /** The value as a number for {@code value_num}, or {@code null} when it is not numeric. */
  static Double number(Value value) {
    return switch (value.getValCase()) {
      case INT64_VAL -> (double) value.getInt64Val();
      case INT32_VAL -> (double) value.getInt32Val();
      case DOUBLE_VAL -> value.getDoubleVal();
      case FLOAT_VAL -> (double) value.getFloatVal();
      case BOOL_VAL -> value.getBoolVal() ? 1.0 : 0.0;
      default -> null;
    };
  }
}
