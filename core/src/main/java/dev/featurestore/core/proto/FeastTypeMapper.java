package dev.featurestore.core.proto;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.ValueType;
import feast.proto.core.FeatureProto.FeatureSpecV2;
import feast.proto.types.ValueProto;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps {@code feast.types} dtypes and fields to {@code FeatureSpecV2} as Feast's Python SDK does
 * ({@code sdk/python/feast/field.py}, {@code types.py}). A spec holds only a {@code value_type};
 * the shapes it cannot express travel in reserved tags that are stripped again when reading:
 *
 * <ul>
 *   <li>{@code feast:struct_schema} on STRUCT and STRUCT_LIST: JSON {@code {"field": "TYPE"}};
 *   <li>{@code feast:nested_inner_type} on VALUE_LIST / VALUE_SET: e.g. {@code Array(Set(INT32))}.
 * </ul>
 */
public final class FeastTypeMapper {

  static final String STRUCT_SCHEMA_TAG = "feast:struct_schema";
  static final String NESTED_INNER_TYPE_TAG = "feast:nested_inner_type";

  // Python class names of the unparameterised dtypes and the names Feast's type strings use.
  private static final Map<ValueType, String> PYTHON_NAMES = new EnumMap<>(ValueType.class);
  private static final Map<ValueType, String> TYPE_STRING_NAMES = new EnumMap<>(ValueType.class);
  private static final Map<ValueType, ValueType> LIST_OF = new EnumMap<>(ValueType.class);
  private static final Map<ValueType, ValueType> SET_OF = new EnumMap<>(ValueType.class);

  static {
    primitive(ValueType.INVALID, "Invalid", "INVALID", null, null);
    primitive(ValueType.BYTES, "Bytes", "BYTES", ValueType.BYTES_LIST, ValueType.BYTES_SET);
    primitive(ValueType.STRING, "String", "STRING", ValueType.STRING_LIST, ValueType.STRING_SET);
    primitive(ValueType.INT32, "Int32", "INT32", ValueType.INT32_LIST, ValueType.INT32_SET);
    primitive(ValueType.INT64, "Int64", "INT64", ValueType.INT64_LIST, ValueType.INT64_SET);
    primitive(ValueType.DOUBLE, "Float64", "FLOAT64", ValueType.DOUBLE_LIST, ValueType.DOUBLE_SET);
    primitive(ValueType.FLOAT, "Float32", "FLOAT32", ValueType.FLOAT_LIST, ValueType.FLOAT_SET);
    primitive(ValueType.BOOL, "Bool", "BOOL", ValueType.BOOL_LIST, ValueType.BOOL_SET);
    primitive(
        ValueType.UNIX_TIMESTAMP,
        "UnixTimestamp",
        "UNIX_TIMESTAMP",
        ValueType.UNIX_TIMESTAMP_LIST,
        ValueType.UNIX_TIMESTAMP_SET);
    primitive(ValueType.MAP, "Map", "MAP", ValueType.MAP_LIST, null);
    primitive(ValueType.JSON, "Json", "JSON", ValueType.JSON_LIST, null);
    primitive(ValueType.UUID, "Uuid", "UUID", ValueType.UUID_LIST, ValueType.UUID_SET);
    primitive(
        ValueType.TIME_UUID,
        "TimeUuid",
        "TIME_UUID",
        ValueType.TIME_UUID_LIST,
        ValueType.TIME_UUID_SET);
    primitive(
        ValueType.DECIMAL, "Decimal", "DECIMAL", ValueType.DECIMAL_LIST, ValueType.DECIMAL_SET);
    primitive(ValueType.SCALAR_MAP, "ScalarMap", "SCALAR_MAP", null, null);
    primitive(ValueType.ZONED_TIMESTAMP, "ZonedTimestamp", "ZONED_TIMESTAMP", null, null);
    primitive(ValueType.NULL, "Null", "NULL", null, null);
  }

  private static void primitive(
      ValueType type, String pythonName, String typeString, ValueType list, ValueType set) {
    PYTHON_NAMES.put(type, pythonName);
    TYPE_STRING_NAMES.put(type, typeString);
    if (list != null) {
      LIST_OF.put(type, list);
    }
    if (set != null) {
      SET_OF.put(type, set);
    }
  }

  private FeastTypeMapper() {}

  /** The unparameterised dtype for a scalar ValueType, e.g. {@code FLOAT -> Float32}. */
  public static FeastType.Primitive primitive(ValueType type) {
    String name = PYTHON_NAMES.get(type);
    if (name == null) {
      throw new IllegalArgumentException(type + " is not a primitive Feast type");
    }
    return new FeastType.Primitive(type, name);
  }

  /** {@code Array(element)} with the ValueType Feast gives it (STRUCT_LIST, VALUE_LIST, X_LIST). */
  public static FeastType.Array array(FeastType element) {
    ValueType type;
    if (element instanceof FeastType.Struct) {
      type = ValueType.STRUCT_LIST;
    } else if (element instanceof FeastType.Array || element instanceof FeastType.Set) {
      type = ValueType.VALUE_LIST;
    } else {
      type = LIST_OF.getOrDefault(element.valueType(), ValueType.VALUE_LIST);
    }
    return new FeastType.Array(element, type);
  }

  /** {@code Set(element)} with the ValueType Feast gives it (VALUE_SET or X_SET). */
  public static FeastType.Set set(FeastType element) {
    ValueType type =
        element instanceof FeastType.Primitive
            ? SET_OF.getOrDefault(element.valueType(), ValueType.VALUE_SET)
            : ValueType.VALUE_SET;
    return new FeastType.Set(element, type);
  }

  public static ValueProto.ValueType.Enum toProto(ValueType type) {
    ValueProto.ValueType.Enum value = ValueProto.ValueType.Enum.forNumber(type.number());
    if (value == null) {
      throw new IllegalStateException("no feast.types.ValueType for " + type);
    }
    return value;
  }

  /** Feast's {@code Field.to_proto()}: the value_type plus any reserved shape tags. */
  public static FeatureSpecV2 toProto(Field field) {
    Map<String, String> tags = new HashMap<>(field.tags());
    FeastType dtype = field.dtype();
    if (dtype instanceof FeastType.Struct struct) {
      tags.put(STRUCT_SCHEMA_TAG, structSchema(struct));
    } else if (dtype instanceof FeastType.Array array
        && array.element() instanceof FeastType.Struct struct) {
      tags.put(STRUCT_SCHEMA_TAG, structSchema(struct));
    }
    if (isNestedCollection(dtype)) {
      tags.put(NESTED_INNER_TYPE_TAG, typeString(dtype));
    }
    return FeatureSpecV2.newBuilder()
        .setName(field.name())
        .setValueTypeValue(dtype.valueType().number())
        .setDescription(field.description())
        .putAllTags(tags)
        .build();
  }

  /** Feast's {@code Field.from_proto()}: rebuilds the dtype and drops the reserved tags. */
  public static Field fromProto(FeatureSpecV2 spec) {
    Map<String, String> tags = new HashMap<>(spec.getTagsMap());
    String structSchema = tags.remove(STRUCT_SCHEMA_TAG);
    String nested = tags.remove(NESTED_INNER_TYPE_TAG);
    ValueType type = valueType(spec.getValueTypeValue());
    FeastType dtype;
    if (type == ValueType.STRUCT) {
      dtype = structSchema != null ? parseStructSchema(structSchema) : placeholderStruct();
    } else if (type == ValueType.STRUCT_LIST) {
      dtype = array(structSchema != null ? parseStructSchema(structSchema) : placeholderStruct());
    } else if ((type == ValueType.VALUE_LIST || type == ValueType.VALUE_SET) && nested != null) {
      dtype = parseTypeString(nested);
    } else {
      dtype = fromValueType(type);
    }
    return new Field(spec.getName(), dtype, spec.getDescription(), tags);
  }

  /** Feast's {@code from_value_type}: the dtype a bare ValueType stands for. */
  public static FeastType fromValueType(ValueType type) {
    if (PYTHON_NAMES.containsKey(type)) {
      return primitive(type);
    }
    for (Map.Entry<ValueType, ValueType> entry : LIST_OF.entrySet()) {
      if (entry.getValue() == type) {
        return new FeastType.Array(primitive(entry.getKey()), type);
      }
    }
    for (Map.Entry<ValueType, ValueType> entry : SET_OF.entrySet()) {
      if (entry.getValue() == type) {
        return new FeastType.Set(primitive(entry.getKey()), type);
      }
    }
    return switch (type) {
      case STRUCT -> placeholderStruct();
      case STRUCT_LIST -> array(placeholderStruct());
        // A nested collection without its tag: the inner type is lost, as in Feast.
      case VALUE_LIST -> new FeastType.Array(primitive(ValueType.INVALID), ValueType.VALUE_LIST);
      case VALUE_SET -> new FeastType.Set(primitive(ValueType.INVALID), ValueType.VALUE_SET);
      default -> throw new IllegalArgumentException("no Feast dtype for " + type);
    };
  }

  static ValueType valueType(int number) {
    try {
      return ValueType.forNumber(number);
    } catch (IllegalArgumentException e) {
      throw new FeatureStoreException(
          ErrorCode.CORRUPT_REGISTRY, "unsupported feast.types.ValueType number " + number, e);
    }
  }

  // Feast's stand-in when a STRUCT arrives without its schema tag.
  private static FeastType.Struct placeholderStruct() {
    return new FeastType.Struct(List.of(Field.of("_value", primitive(ValueType.STRING))));
  }

  private static boolean isNestedCollection(FeastType dtype) {
    FeastType element =
        dtype instanceof FeastType.Array a
            ? a.element()
            : dtype instanceof FeastType.Set s ? s.element() : null;
    return element instanceof FeastType.Array || element instanceof FeastType.Set;
  }

  private static String structSchema(FeastType.Struct struct) {
    Map<String, String> schema = new LinkedHashMap<>();
    for (Field field : struct.fields()) {
      schema.put(field.name(), typeString(field.dtype()));
    }
    return PythonJson.write(schema);
  }

  /**
   * Feast's {@code _feast_type_to_str}: {@code INT32}, {@code Array(FLOAT64)}, nested structs as
   * JSON.
   */
  static String typeString(FeastType dtype) {
    if (dtype instanceof FeastType.Struct struct) {
      return "{\"__struct__\": " + structSchema(struct) + "}";
    }
    if (dtype instanceof FeastType.Array array) {
      return "Array(" + typeString(array.element()) + ")";
    }
    if (dtype instanceof FeastType.Set set) {
      return "Set(" + typeString(set.element()) + ")";
    }
    String name = TYPE_STRING_NAMES.get(dtype.valueType());
    if (name == null) {
      throw new IllegalArgumentException("no Feast type string for " + dtype.pythonName());
    }
    return name;
  }

  static FeastType parseTypeString(String text) {
    if (text.startsWith("Array(") && text.endsWith(")")) {
      return array(parseTypeString(text.substring(6, text.length() - 1)));
    }
    if (text.startsWith("Set(") && text.endsWith(")")) {
      return set(parseTypeString(text.substring(4, text.length() - 1)));
    }
    if (text.startsWith("{")) {
      Map<String, String> wrapper = readNestedStruct(text);
      return parseStructSchema(wrapper.get("__struct__"));
    }
    for (Map.Entry<ValueType, String> entry : TYPE_STRING_NAMES.entrySet()) {
      if (entry.getValue().equals(text)) {
        return primitive(entry.getKey());
      }
    }
    throw new FeatureStoreException(
        ErrorCode.CORRUPT_REGISTRY, "unknown Feast type string " + text);
  }

  private static FeastType.Struct parseStructSchema(String json) {
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<String, String> entry : PythonJson.readObject(json).entrySet()) {
      fields.add(Field.of(entry.getKey(), parseTypeString(entry.getValue())));
    }
    return new FeastType.Struct(fields);
  }

  // {"__struct__": {...}}: the inner value is an object, not a string, so cut it out as text.
  private static Map<String, String> readNestedStruct(String text) {
    String prefix = "{\"__struct__\": ";
    if (!text.startsWith(prefix) || !text.endsWith("}")) {
      throw new FeatureStoreException(
          ErrorCode.CORRUPT_REGISTRY, "unknown Feast type string " + text);
    }
    return Map.of("__struct__", text.substring(prefix.length(), text.length() - 1));
  }
}
