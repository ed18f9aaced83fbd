package dev.featurestore.registry.repo;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dtypes {@code feast.types} exports and how they map to value types (Feast's
 * {@code sdk/python/feast/types.py}: {@code PRIMITIVE_FEAST_TYPES_TO_VALUE_TYPES},
 * {@code Array.to_value_type}, {@code Set.to_value_type}).
 */
final class FeastTypeNames {
  private static final Map<String, FeastType.Primitive> PRIMITIVES = new LinkedHashMap<>();

  static {
    primitive("Bytes", ValueType.BYTES);
    primitive("String", ValueType.STRING);
    primitive("Bool", ValueType.BOOL);
    primitive("Int32", ValueType.INT32);
    primitive("Int64", ValueType.INT64);
    primitive("Float32", ValueType.FLOAT);
    primitive("Float64", ValueType.DOUBLE);
    primitive("UnixTimestamp", ValueType.UNIX_TIMESTAMP);
    primitive("Map", ValueType.MAP);
    primitive("Json", ValueType.JSON);
    primitive("Uuid", ValueType.UUID);
    primitive("TimeUuid", ValueType.TIME_UUID);
    primitive("Decimal", ValueType.DECIMAL);
    primitive("ScalarMap", ValueType.SCALAR_MAP);
    primitive("ZonedTimestamp", ValueType.ZONED_TIMESTAMP);
  }

  /** Names feast.types exports that are not dtypes we can store (or not dtypes at all). */
  static final Set<String> OTHER_EXPORTS =
      Set.of("Invalid", "PdfBytes", "ImageBytes", "FeastType", "PrimitiveFeastType", "ComplexFeastType",
          "from_value_type", "from_feast_type", "from_feast_to_pyarrow_type", "SUPPORTED_BASE_TYPES");

  private FeastTypeNames() {}

  private static void primitive(String name, ValueType valueType) {
    PRIMITIVES.put(name, new FeastType.Primitive(valueType, name));
  }

  static Optional<Object> lookup(String name) {
    if (PRIMITIVES.containsKey(name)) {
      return Optional.of(PRIMITIVES.get(name));
    }
    return switch (name) {
      case "Array" -> Optional.of(collection("Array"));
      case "Set" -> Optional.of(collection("Set"));
      case "Struct" -> Optional.of(struct());
      default -> Optional.empty();
    };
  }

  static boolean isTypeName(String name) {
    return lookup(name).isPresent();
  }

  static FeatureStoreException unknownType(String name, SourceLocation location) {
    List<String> names = new ArrayList<>(PRIMITIVES.keySet());
    names.addAll(List.of("Array(T)", "Set(T)", "Struct({...})"));
    return new FeatureStoreException(
        ErrorCode.INVALID_DEFINITION, location, "unknown type '" + name + "'; Feast types are: " + String.join(", ", names));
  }

  private static PyCallable collection(String kind) {
    Signature signature = Signature.positional(kind, "base_type!");
    return new PyCallable() {
      @Override
      public String name() {
        return kind;
      }

      @Override
      public Object call(CallArguments call) {
        BoundArguments args = signature.bind(call);
        FeastType element = args.get("base_type", FeastType.class, "a Feast type");
        return kind.equals("Array") ? array(element, args) : set(element, args);
      }
    };
  }

  private static FeastType array(FeastType element, BoundArguments args) {
    ValueType valueType;
    if (element instanceof FeastType.Struct) {
      valueType = ValueType.STRUCT_LIST;
    } else if (element instanceof FeastType.Array || element instanceof FeastType.Set) {
      valueType = ValueType.VALUE_LIST;
    } else {
      valueType = suffixed(element, "_LIST", "Array", args);
    }
    return new FeastType.Array(element, valueType);
  }

  private static FeastType set(FeastType element, BoundArguments args) {
    ValueType valueType;
    if (element instanceof FeastType.Array || element instanceof FeastType.Set) {
      valueType = ValueType.VALUE_SET;
    } else if (element instanceof FeastType.Struct) {
      throw args.invalid("base_type", "Set(" + element.pythonName() + ") is not a Feast type");
    } else {
      valueType = suffixed(element, "_SET", "Set", args);
    }
    return new FeastType.Set(element, valueType);
  }

  private static ValueType suffixed(FeastType element, String suffix, String kind, BoundArguments args) {
    try {
      return ValueType.valueOf(element.valueType().name() + suffix);
    } catch (IllegalArgumentException e) {
      throw args.invalid("base_type", kind + "(" + element.pythonName() + ") is not a Feast type");
    }
  }

  private static PyCallable struct() {
    Signature signature = Signature.positional("Struct", "fields!");
    return new PyCallable() {
      @Override
      public String name() {
        return "Struct";
      }

      @Override
      public Object call(CallArguments call) {
        BoundArguments args = signature.bind(call);
        Map<?, ?> fields = args.get("fields", Map.class, "dict");
        if (fields.isEmpty()) {
          throw args.invalid("fields", "Struct must have at least one field");
        }
        List<Field> result = new ArrayList<>();
        for (Map.Entry<?, ?> entry : fields.entrySet()) {
          if (!(entry.getKey() instanceof String name) || !(entry.getValue() instanceof FeastType type)) {
            throw args.invalid("fields", "Struct fields must map str to a Feast type, not "
                + PyTypes.repr(entry.getKey()) + ": " + PyTypes.typeName(entry.getValue()));
          }
          result.add(Field.of(name, type));
        }
        return new FeastType.Struct(result);
      }
    };
  }

  /** Feast's {@code from_value_type}: the dtype an entity's value_type stands for. */
  static Optional<FeastType> fromValueType(ValueType valueType) {
    for (FeastType.Primitive p : PRIMITIVES.values()) {
      if (p.valueType() == valueType) {
        return Optional.of(p);
      }
    }
    String name = valueType.name();
    for (String suffix : List.of("_LIST", "_SET")) {
      if (name.endsWith(suffix)) {
        ValueType base;
        try {
          base = ValueType.valueOf(name.substring(0, name.length() - suffix.length()));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
        Optional<FeastType> element = fromValueType(base);
        return element.map(e -> suffix.equals("_LIST") ? new FeastType.Array(e, valueType) : new FeastType.Set(e, valueType));
      }
    }
    return Optional.empty();
  }
}
