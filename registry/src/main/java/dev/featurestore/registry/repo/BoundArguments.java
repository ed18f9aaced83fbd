package dev.featurestore.registry.repo;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import dev.featurestore.core.model.Metadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Arguments bound to a {@link Signature}, read with the type checks Feast's typeguard performs. */
final class BoundArguments {
  private final String callee;
  private final SourceLocation callLocation;
  private final Map<String, Object> values;
  private final Map<String, SourceLocation> locations;

  BoundArguments(
      String callee, SourceLocation callLocation, Map<String, Object> values, Map<String, SourceLocation> locations) {
    this.callee = callee;
    this.callLocation = callLocation;
    this.values = values;
    this.locations = locations;
  }

  SourceLocation callLocation() {
    return callLocation;
  }

  SourceLocation locationOf(String name) {
    return locations.getOrDefault(name, callLocation);
  }

  /** Present and not None. */
  boolean has(String name) {
    return !PyTypes.isNone(values.get(name));
  }

  Object raw(String name) {
    return values.get(name);
  }

  String string(String name, String defaultValue) {
    return has(name) ? get(name, String.class, "str") : defaultValue;
  }

  boolean bool(String name, boolean defaultValue) {
    return has(name) ? get(name, Boolean.class, "bool") : defaultValue;
  }

  double number(String name, double defaultValue) {
    if (!has(name)) {
      return defaultValue;
    }
    Object value = values.get(name);
    if (value instanceof Long l) {
      return l;
    }
    return get(name, Double.class, "float");
  }

  Optional<Duration> duration(String name) {
    return has(name) ? Optional.of(get(name, Duration.class, "timedelta")) : Optional.empty();
  }

  <T> T get(String name, Class<T> type, String pythonType) {
    Object value = values.get(name);
    if (!type.isInstance(value)) {
      throw wrongType(name, pythonType, value);
    }
    return type.cast(value);
  }

  <T> Optional<T> optional(String name, Class<T> type, String pythonType) {
    return has(name) ? Optional.of(get(name, type, pythonType)) : Optional.empty();
  }

  /** A list (or tuple) argument; absent or None is empty. */
  List<Object> list(String name) {
    if (!has(name)) {
      return List.of();
    }
    Object value = values.get(name);
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    if (value instanceof PyTuple tuple) {
      return tuple.elements();
    }
    throw wrongType(name, "list", value);
  }

  <T> List<T> listOf(String name, Class<T> type, String pythonType) {
    List<T> result = new ArrayList<>();
    for (Object element : list(name)) {
      if (!type.isInstance(element)) {
        throw new FeatureStoreException(
            ErrorCode.INVALID_ARGUMENT,
            locationOf(name),
            "argument '" + name + "' of " + callee + " must be a list of " + pythonType
                + ", but it contains " + PyTypes.repr(element) + " (" + PyTypes.typeName(element) + ")");
      }
      result.add(type.cast(element));
    }
    return result;
  }

  Map<String, String> stringMap(String name) {
    if (!has(name)) {
      return Map.of();
    }
    Object value = values.get(name);
    if (!(value instanceof Map<?, ?> map)) {
      throw wrongType(name, "dict", value);
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key) || !(entry.getValue() instanceof String v)) {
        throw new FeatureStoreException(
            ErrorCode.INVALID_ARGUMENT,
            locationOf(name),
            "argument '" + name + "' of " + callee + " must map str to str, but has "
                + PyTypes.repr(entry.getKey()) + ": " + PyTypes.repr(entry.getValue()));
      }
      result.put(key, v);
    }
    return result;
  }

  /** description, tags and owner, which every Feast object takes. */
  Metadata metadata() {
    return new Metadata(string("description", ""), stringMap("tags"), string("owner", ""));
  }

  FeatureStoreException wrongType(String name, String expected, Object actual) {
    return new FeatureStoreException(
        ErrorCode.INVALID_ARGUMENT,
        locationOf(name),
        "argument '" + name + "' of " + callee + " must be " + expected + ", not " + PyTypes.typeName(actual));
  }

  FeatureStoreException invalid(String name, String message) {
    return new FeatureStoreException(ErrorCode.INVALID_DEFINITION, locationOf(name), message);
  }
}
