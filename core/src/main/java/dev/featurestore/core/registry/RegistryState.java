package dev.featurestore.core.registry;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a registry holds for one project at one moment.
 *
 * @param lastUpdated when the project last changed; empty if the project does not exist
 */
public record RegistryState(String project, List<RegistryObject> objects, Optional<Instant> lastUpdated) {
  public RegistryState {
    requireNonNull(project, "project is null");
    objects = List.copyOf(objects);
    requireNonNull(lastUpdated, "lastUpdated is null");
  }

  public static RegistryState empty(String project) {
    return new RegistryState(project, List.of(), Optional.empty());
  }

  public boolean projectExists() {
    return lastUpdated.isPresent() || !objects.isEmpty();
  }

  public List<RegistryObject> objects(RegistryObjectKind kind) {
    return objects.stream().filter(o -> o.kind() == kind).toList();
  }

  public Optional<RegistryObject> find(RegistryObjectKind kind, String name) {
    return objects.stream().filter(o -> o.kind() == kind && o.name().equals(name)).findFirst();
  }
}
