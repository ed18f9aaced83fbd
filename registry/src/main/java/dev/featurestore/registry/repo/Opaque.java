package dev.featurestore.registry.repo;

import dev.featurestore.core.error.SourceLocation;

/**
 * A value we know by name only: something imported from a module we do not model ({@code pandas},
 * {@code feast.FeatureStore}), a function or class defined in the repository, a lambda. Binding it
 * is fine; calling it or reading from it at module level is an unsupported construct.
 *
 * @param reason why it cannot be used, or null for the generic message
 */
record Opaque(String name, String reason, SourceLocation definedAt) {
  static Opaque imported(String qualifiedName) {
    return new Opaque(qualifiedName, null, null);
  }
}
