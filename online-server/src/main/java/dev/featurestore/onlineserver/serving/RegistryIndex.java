package dev.featurestore.onlineserver.serving;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeatureService;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.OnDemandFeatureView;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lookup maps over one registry snapshot, built once per snapshot so a request does hash lookups
 * only. Immutable and thread-safe.
 */
public final class RegistryIndex {
  private final RepoContents contents;
  private final Map<String, ViewInfo> views;
  private final Map<String, FeatureService> services;
  private final Set<String> onDemandViews;
  private final Map<String, List<ViewInfo>> viewsByPushSource;
  private final Map<String, Entity> entitiesByName;
  private final Map<String, Entity> entitiesByJoinKey;

  private RegistryIndex(RepoContents contents) {
    this.contents = requireNonNull(contents, "contents is null");
    this.entitiesByName = new HashMap<>();
    this.entitiesByJoinKey = new HashMap<>();
    for (Entity entity : contents.entities()) {
      entitiesByName.put(entity.name(), entity);
      entitiesByJoinKey.putIfAbsent(entity.joinKey(), entity);
    }
    this.views = new LinkedHashMap<>();
    this.viewsByPushSource = new HashMap<>();
    for (FeatureView view : contents.featureViews()) {
      ViewInfo info = ViewInfo.of(view, joinKeysOf(view));
      views.put(view.name(), info);
      view.streamSource()
          .filter(source -> source.options() instanceof DataSource.PushOptions)
          .ifPresent(source -> viewsByPushSource.computeIfAbsent(source.name(), k -> new ArrayList<>()).add(info));
    }
    this.services =
        contents.featureServices().stream().collect(Collectors.toMap(FeatureService::name, s -> s, (a, b) -> a));
    this.onDemandViews =
        contents.onDemandFeatureViews().stream().map(OnDemandFeatureView::name).collect(Collectors.toSet());
  }

  public static RegistryIndex of(RepoContents contents) {
    return new RegistryIndex(contents);
  }

  public RepoContents contents() {
    return contents;
  }

  public String project() {
    return contents.project().name();
  }

  public Optional<ViewInfo> view(String name) {
    return Optional.ofNullable(views.get(name));
  }

  public List<ViewInfo> views() {
    return List.copyOf(views.values());
  }

  public Optional<FeatureService> featureService(String name) {
    return Optional.ofNullable(services.get(name));
  }

  public boolean isOnDemandView(String name) {
    return onDemandViews.contains(name);
  }

  public boolean hasPushSource(String name) {
    return contents.dataSource(name).filter(s -> s.options() instanceof DataSource.PushOptions).isPresent()
        || viewsByPushSource.containsKey(name);
  }

  /** Views fed by the push source, in registry order; empty if none. */
  public List<ViewInfo> viewsPushedBy(String pushSource) {
    return viewsByPushSource.getOrDefault(pushSource, List.of());
  }

  /** An entity by its name, or else by its join key. */
  public Optional<Entity> entity(String nameOrJoinKey) {
    Entity entity = entitiesByName.get(nameOrJoinKey);
    return Optional.ofNullable(entity != null ? entity : entitiesByJoinKey.get(nameOrJoinKey));
  }

  private List<JoinKey> joinKeysOf(FeatureView view) {
    Map<String, Field> columns =
        view.entityColumns().stream().collect(Collectors.toMap(Field::name, f -> f, (a, b) -> a));
    List<JoinKey> keys = new ArrayList<>();
    for (String entityName : view.entities()) {
      Entity entity = entitiesByName.get(entityName);
      if (entityName.equals(JoinKey.DUMMY_ENTITY_NAME) || entity != null && entity.joinKey().equals(JoinKey.DUMMY_JOIN_KEY)) {
        keys.add(new JoinKey(JoinKey.DUMMY_JOIN_KEY, ValueType.STRING, true));
        continue;
      }
      String joinKey = entity == null ? entityName : entity.joinKey();
      Field column = columns.get(joinKey);
      ValueType type = column != null
          ? column.dtype().valueType()
          : entity == null ? ValueType.INVALID : entity.valueType().orElse(ValueType.INVALID);
      keys.add(new JoinKey(joinKey, type, false));
    }
    if (keys.isEmpty()) {
      keys.add(new JoinKey(JoinKey.DUMMY_JOIN_KEY, ValueType.STRING, true));
    }
    return keys;
  }
}
