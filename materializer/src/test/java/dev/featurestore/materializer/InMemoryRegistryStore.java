package dev.featurestore.materializer;

import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.proto.FeastTypeMapper;
import dev.featurestore.core.proto.RegistryProtoMapper;
import dev.featurestore.core.registry.ApplyHistoryEntry;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.core.registry.RegistryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fake of our own SPI: one project in memory; applies replace objects by kind and name. */
final class InMemoryRegistryStore implements RegistryStore {
  static final String PROJECT = "p";
  private static final Field USER_ID = Field.of("user_id", FeastTypeMapper.primitive(ValueType.STRING));

  private List<RegistryObject> objects;

  private InMemoryRegistryStore(List<RegistryObject> objects) {
    this.objects = new ArrayList<>(objects);
  }

  /** Online feature views keyed by user_id with one int64 feature {@code score} and a 1 day ttl. */
  static InMemoryRegistryStore withViews(String... names) {
    List<FeatureView> views = Arrays.stream(names).map(InMemoryRegistryStore::view).toList();
    return new InMemoryRegistryStore(
        RegistryProtoMapper.toRegistryObjects(
            new RepoContents(
                new Project(PROJECT, Metadata.EMPTY),
                List.of(new Entity("user", "user_id", Optional.of(ValueType.STRING), null)),
                List.of(), views, List.of(), List.of(), List.of())));
  }

  private static FeatureView view(String name) {
    DataSource source = new DataSource(name + "_source", "event_timestamp", "", "", Map.of(), null,
        new DataSource.FileOptions("data/" + name + ".parquet", null, null));
    return new FeatureView(name, List.of("user"),
        List.of(Field.of("score", FeastTypeMapper.primitive(ValueType.INT64))), List.of(USER_ID),
        Duration.ofDays(1), true, false, source, Optional.empty(), null);
  }

  @Override
  public synchronized RegistryState read(String name) {
    return name.equals(PROJECT)
        ? new RegistryState(PROJECT, objects, Optional.of(Instant.EPOCH))
        : RegistryState.empty(name);
  }

  @Override
  public List<String> projects() {
    return List.of(PROJECT);
  }

  @Override
  public synchronized void apply(String name, List<RegistryChange> changes, Instant appliedAt) {
    List<RegistryObject> next = new ArrayList<>(objects);
    for (RegistryChange change : changes) {
      next.removeIf(o -> o.kind() == change.kind() && o.name().equals(change.name()));
      change.proto().ifPresent(p -> next.add(new RegistryObject(change.kind(), change.name(), p)));
    }
    objects = next;
  }

  @Override
  public synchronized void teardown(String name, Instant at) {
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
