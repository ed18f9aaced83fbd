package dev.featurestore.registry.apply;

import static java.util.Objects.requireNonNull;

/** One spec field that an update changes, with both values rendered for people. */
public record PropertyDiff(String property, String existing, String declared) {
  public PropertyDiff {
    requireNonNull(property, "property is null");
    requireNonNull(existing, "existing is null");
    requireNonNull(declared, "declared is null");
  }

  @Override
  public String toString() {
    return property + ": " + existing + " -> " + declared;
  }
}
