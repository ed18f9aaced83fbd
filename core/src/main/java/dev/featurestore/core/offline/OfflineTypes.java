package dev.featurestore.core.offline;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.ValueType;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which offline column types can feed which declared dtypes. Feast converts values with protobuf's
 * setters, which accept any Python number for a float field and any integer for an integer field;
 * the rule here is the lossless part of that (widening integers, integers to floats, float and
 * double both ways) plus epoch seconds as timestamps. A column type outside this table fails the
 * check before anything is written, instead of half-way through a run.
 */
public final class OfflineTypes {

  private static final Map<ValueType, Set<ValueType>> ACCEPTED =
      Map.ofEntries(
          Map.entry(ValueType.INT32, EnumSet.of(ValueType.INT32)),
          Map.entry(ValueType.INT64, EnumSet.of(ValueType.INT32, ValueType.INT64)),
          Map.entry(
              ValueType.DOUBLE,
              EnumSet.of(ValueType.INT32, ValueType.INT64, ValueType.FLOAT, ValueType.DOUBLE)),
          Map.entry(
              ValueType.FLOAT,
              EnumSet.of(ValueType.INT32, ValueType.INT64, ValueType.FLOAT, ValueType.DOUBLE)),
          Map.entry(ValueType.STRING, EnumSet.of(ValueType.STRING)),
          Map.entry(ValueType.JSON, EnumSet.of(ValueType.STRING, ValueType.JSON)),
          Map.entry(ValueType.BYTES, EnumSet.of(ValueType.BYTES)),
          Map.entry(ValueType.BOOL, EnumSet.of(ValueType.BOOL)),
          Map.entry(ValueType.UNIX_TIMESTAMP, EnumSet.of(ValueType.UNIX_TIMESTAMP, ValueType.INT64)));

  private static final Map<ValueType, ValueType> LIST_ELEMENT =
      Map.of(
          ValueType.BYTES_LIST, ValueType.BYTES,
          ValueType.STRING_LIST, ValueType.STRING,
          ValueType.INT32_LIST, ValueType.INT32,
          ValueType.INT64_LIST, ValueType.INT64,
          ValueType.DOUBLE_LIST, ValueType.DOUBLE,
          ValueType.FLOAT_LIST, ValueType.FLOAT,
          ValueType.BOOL_LIST, ValueType.BOOL,
          ValueType.UNIX_TIMESTAMP_LIST, ValueType.UNIX_TIMESTAMP);

  private OfflineTypes() {}

  /** Whether values of an offline column typed {@code column} can be written as {@code declared}. */
  public static boolean convertible(ValueType column, ValueType declared) {
    ValueType declaredElement = LIST_ELEMENT.get(declared);
    if (declaredElement != null) {
      ValueType columnElement = LIST_ELEMENT.get(column);
      return columnElement != null && convertible(columnElement, declaredElement);
    }
    Set<ValueType> accepted = ACCEPTED.get(declared);
    return accepted != null && accepted.contains(column);
  }

  /** Whether {@link FeatureValues} can build a {@code feast.types.Value} of this type at all. */
  public static boolean supported(ValueType declared) {
    return ACCEPTED.containsKey(declared) || LIST_ELEMENT.containsKey(declared);
  }

  /** The element type of a list type, or the type itself. */
  static ValueType element(ValueType type) {
    return LIST_ELEMENT.getOrDefault(type, type);
  }

  /**
   * Throws INVALID_DEFINITION naming the view, the field, the column and both types unless the
   * column can feed the field.
   *
   * @param columnTypeName the engine's own name of the column type, shown to the user
   */
  public static void check(
      String view, String role, Field field, SourceColumns.Column column, String source,
      ValueType columnType, String columnTypeName) {
    ValueType declared = field.dtype().valueType();
    if (!supported(declared)) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_DEFINITION,
          "feature view '" + view + "': " + role + " '" + field.name() + "' has dtype "
              + field.dtype().pythonName() + ", which materialization does not support yet");
    }
    if (!convertible(columnType, declared)) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_DEFINITION,
          "feature view '" + view + "': " + role + " '" + field.name() + "' is declared "
              + field.dtype().pythonName() + " (" + declared + ") but column '"
              + column.sourceName() + "' of source '" + source + "' has type " + columnTypeName
              + " (" + columnType + "), which cannot be converted to it");
    }
  }
}
