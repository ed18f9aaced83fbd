package dev.featurestore.registry.repo;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.SourceLocation;

/**
 * A Feast object created while evaluating a repository. Identity matters, as in Python: Feast
 * registers each object once however many names refer to it (an import binds the same object).
 */
abstract class FeastObject {
  private final SourceLocation location;

  FeastObject(SourceLocation location) {
    this.location = requireNonNull(location, "location is null");
  }

  /** Where the constructor call (or decorated function) is. */
  SourceLocation location() {
    return location;
  }

  /** The Python class name: "Entity", "FeatureView"... */
  abstract String kind();

  abstract String name();
}
