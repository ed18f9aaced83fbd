package dev.featurestore.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code feast.types} dtype as written in a repository ({@code Int64}, {@code Array(String)},
 * {@code Struct({"a": Int32})}). {@link #valueType()} is what the registry stores in a feature's
 * {@code value_type}; {@link #pythonName()} is how Feast spells it, for messages.
 */
public sealed interface FeastType {

  ValueType valueType();

  String pythonName();

  /** Scalars and the unparameterised kinds: Int32 … UnixTimestamp, Map, Json, Uuid, Decimal. */
  record Primitive(ValueType valueType, String pythonName) implements FeastType {
    public Primitive {
      requireNonNull(valueType, "valueType is null");
      requireNonNull(pythonName, "pythonName is null");
    }
  }

  /** {@code Array(T)}; the list ValueType of the element. */
  record Array(FeastType element, ValueType valueType) implements FeastType {
    public Array {
      requireNonNull(element, "element is null");
      requireNonNull(valueType, "valueType is null");
    }

    @Override
    public String pythonName() {
      return "Array(" + element.pythonName() + ")";
    }
  }

  /** {@code Set(T)}; the set ValueType of the element. */
  record Set(FeastType element, ValueType valueType) implements FeastType {
    public Set {
      requireNonNull(element, "element is null");
      requireNonNull(valueType, "valueType is null");
    }

    @Override
    public String pythonName() {
      return "Set(" + element.pythonName() + ")";
    }
  }

  /** {@code Struct({"name": T, ...})}: fields in declaration order. */
  record Struct(List<Field> fields) implements FeastType {
    public Struct {
      fields = List.copyOf(fields);
    }

    @Override
    public ValueType valueType() {
      return ValueType.STRUCT;
    }

    @Override
    public String pythonName() {
      return fields.stream()
          .map(f -> "\"" + f.name() + "\": " + f.dtype().pythonName())
          .collect(Collectors.joining(", ", "Struct({", "})"));
    }
  }
}
