package dev.featurestore.onlineserver.serving;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.ValueType;
import feast.proto.types.ValueProto.Value;

/**
 * Types a caller's entity value by the join key's type (feast-compat.md §10 trap 2: int32 and int64
 * keys serialize differently). Lossless conversions are made (int32 to int64, an int64 that fits to
 * int32, which is what a JSON number parses to, integers to unix timestamps); anything else is
 * INVALID_ARGUMENT naming the key, the row and both types.
 */
public final class EntityValues {

  private EntityValues() {}

  public static Value coerce(Value value, JoinKey key, int row, String viewName) {
    Value.ValCase actual = value.getValCase();
    switch (key.type()) {
      case INT64 -> {
        if (actual == Value.ValCase.INT64_VAL) {
          return value;
        }
        if (actual == Value.ValCase.INT32_VAL) {
          return Value.newBuilder().setInt64Val(value.getInt32Val()).build();
        }
      }
      case INT32 -> {
        if (actual == Value.ValCase.INT32_VAL) {
          return value;
        }
        if (actual == Value.ValCase.INT64_VAL && value.getInt64Val() == (int) value.getInt64Val()) {
          return Value.newBuilder().setInt32Val((int) value.getInt64Val()).build();
        }
      }
      case STRING -> {
        if (actual == Value.ValCase.STRING_VAL) {
          return value;
        }
      }
      case BYTES -> {
        if (actual == Value.ValCase.BYTES_VAL) {
          return value;
        }
      }
      case UNIX_TIMESTAMP -> {
        if (actual == Value.ValCase.UNIX_TIMESTAMP_VAL) {
          return value;
        }
        if (actual == Value.ValCase.INT64_VAL) {
          return Value.newBuilder().setUnixTimestampVal(value.getInt64Val()).build();
        }
        if (actual == Value.ValCase.INT32_VAL) {
          return Value.newBuilder().setUnixTimestampVal(value.getInt32Val()).build();
        }
      }
      default -> {
        // Type unknown to the registry: keep what the caller sent, unless it is no value at all.
        if (actual != Value.ValCase.VAL_NOT_SET && actual != Value.ValCase.NULL_VAL) {
          return value;
        }
      }
    }
    throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, "entity '" + key.name() + "' row " + row
        + ": feature view '" + viewName + "' expects " + describe(key.type()) + ", got " + describe(actual));
  }

  private static String describe(ValueType type) {
    return type == ValueType.INVALID ? "a value" : type.name();
  }

  static String describe(Value.ValCase valCase) {
    return switch (valCase) {
      case VAL_NOT_SET, NULL_VAL -> "null";
      case INT64_VAL -> "INT64";
      case INT32_VAL -> "INT32";
      case STRING_VAL -> "STRING";
      case BYTES_VAL -> "BYTES";
      case DOUBLE_VAL -> "DOUBLE";
      case FLOAT_VAL -> "FLOAT";
      case BOOL_VAL -> "BOOL";
      case UNIX_TIMESTAMP_VAL -> "UNIX_TIMESTAMP";
      default -> valCase.name().replace("_VAL", "");
    };
  }
}
