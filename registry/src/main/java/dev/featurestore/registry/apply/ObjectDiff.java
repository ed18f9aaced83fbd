package dev.featurestore.registry.apply;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.registry.RegistryObjectKind;
import java.util.List;

/** What a plan does to one registry object. */
public record ObjectDiff(
    RegistryObjectKind kind, String name, Transition transition, List<PropertyDiff> properties) {

  /** Feast's {@code TransitionType}. */
  public enum Transition {
    CREATE("Created"),
    UPDATE("Updated"),
    DELETE("Deleted"),
    UNCHANGED("Unchanged");

    private final String verb;

    Transition(String verb) {
      this.verb = verb;
    }

    public String verb() {
      return verb;
    }
  }

  public ObjectDiff {
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    requireNonNull(transition, "transition is null");
    properties = List.copyOf(properties);
  }
}
