package dev.featurestore.core.materialize;

import dev.featurestore.core.registry.ApplyHistoryEntry;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.core.registry.RegistryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A fake of our own SPI for engine tests: one project, applies replace objects by kind and name. */
final class InMemoryRegistryStore implements RegistryStore {
  private final String project;
  private List<RegistryObject> objects;
  private Instant lastUpdated;
  final List<List<RegistryChange>> applied = new ArrayList<>();

  InMemoryRegistryStore(String project, List<RegistryObject> objects, Instant lastUpdated) {
    this.project = project;
    this.objects = new ArrayList<>(objects);
    this.lastUpdated = lastUpdated;
  }

  @Override
  public RegistryState read(String name) {
    return name.equals(project)
        ? new RegistryState(project, objects, Optional.of(lastUpdated))
        : RegistryState.empty(name);
  }

  @Override
  public List<String> projects() {
    return List.of(project);
  }

  @Override
  public void apply(String name, List<RegistryChange> changes, Instant appliedAt) {
    applied.add(changes);
    List<RegistryObject> next = new ArrayList<>(objects);
    for (RegistryChange change : changes) {
      next.removeIf(o -> o.kind() == change.kind() && o.name().equals(change.name()));
      change.proto().ifPresent(p -> next.add(new RegistryObject(change.kind(), change.name(), p)));
    }
    objects = next;
    lastUpdated = appliedAt;
  }

  @Override
  public void teardown(String name, Instant at) {
    objects = new ArrayList<>();
  }

  @Override
  public void importHistory(String project, List<ApplyHistoryEntry> oldestFirst) {
    throw new UnsupportedOperationException("not used by these tests");
  }

  @Override
  public List<ApplyHistoryEntry> history(String name, int limit) {
    return List.of();
  }

  @Override
  public void close() {}
}
