package dev.featurestore.registry.repo;

import java.util.Map;

/** A Python enum class whose members module-level code reads ({@code ValueType.INT64}). */
record EnumClass(String name, Map<String, Object> members) {
  EnumClass {
    members = Map.copyOf(members);
  }
}
