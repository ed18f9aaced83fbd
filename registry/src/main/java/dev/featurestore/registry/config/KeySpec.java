package dev.featurestore.registry.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One key Feast's configuration model declares for a block: its value kind, its default (filled in
 * when the key is absent; null = none), whether it is required, and for enumerations the allowed
 * values.
 */
record KeySpec(
    String name, ValueKind kind, Object defaultValue, boolean required, List<String> allowed) {

  KeySpec {
    requireNonNull(name, "name is null");
    requireNonNull(kind, "kind is null");
    allowed = List.copyOf(allowed);
  }

  static KeySpec of(String name, ValueKind kind) {
    return new KeySpec(name, kind, null, false, List.of());
  }

  static KeySpec of(String name, ValueKind kind, Object defaultValue) {
    return new KeySpec(name, kind, defaultValue, false, List.of());
  }

  static KeySpec required(String name, ValueKind kind) {
    return new KeySpec(name, kind, null, true, List.of());
  }

  /** A string key that takes one of the given values; the first is the default. */
  static KeySpec oneOf(String name, String... values) {
    return new KeySpec(name, ValueKind.STRING, values[0], false, List.of(values));
  }
}
