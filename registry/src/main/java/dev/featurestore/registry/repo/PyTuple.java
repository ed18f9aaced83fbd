package dev.featurestore.registry.repo;

import java.util.List;

/** A Python tuple value (lists are {@link java.util.ArrayList}s, dicts {@link java.util.LinkedHashMap}s). */
record PyTuple(List<Object> elements) {
  PyTuple {
    elements = List.copyOf(elements);
  }
}
