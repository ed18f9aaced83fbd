package dev.featurestore.registry.repo;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.SourceSchemaReader;
import dev.featurestore.core.proto.FeastTypeMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Types the join keys a repository leaves untyped by reading the batch source's columns, as
 * Feast's {@code inference.py} does at apply time, then gives entities without a {@code
 * value_type} the type their join key got in the views ({@code
 * update_entities_with_inferred_types_from_feature_views}).
 */
public final class EntityColumnInference {
  private final List<SourceSchemaReader> readers;

  public EntityColumnInference(List<SourceSchemaReader> readers) {
    this.readers = List.copyOf(requireNonNull(readers, "readers is null"));
  }

  /** The repository's contents with every inferable join key typed; the rest is an error. */
  public RepoContents infer(LoadedRepo repo, RepoConfig config) {
    RepoContents contents = repo.contents();
    Map<String, List<Field>> added = new HashMap<>();
    for (EntityColumnToInfer column : repo.entityColumnsToInfer()) {
      ValueType type = readType(contents, column, config);
      added.computeIfAbsent(column.featureView(), v -> new ArrayList<>())
          .add(Field.of(column.joinKey(), FeastTypeMapper.primitive(type)));
    }
    List<FeatureView> views = new ArrayList<>();
    for (FeatureView view : contents.featureViews()) {
      List<Field> extra = added.getOrDefault(view.name(), List.of());
      if (extra.isEmpty()) {
        views.add(view);
        continue;
      }
      List<Field> entityColumns = new ArrayList<>(view.entityColumns());
      entityColumns.addAll(extra);
      views.add(new FeatureView(view.name(), view.entities(), view.features(), entityColumns,
          view.ttl(), view.online(), view.offline(), view.batchSource(), view.streamSource(),
          view.metadata(), view.stream()));
    }
    return new RepoContents(contents.project(), typedEntities(contents.entities(), views),
        contents.dataSources(), views, contents.onDemandFeatureViews(), contents.featureServices(),
        contents.labelViews());
  }

  private ValueType readType(RepoContents contents, EntityColumnToInfer column, RepoConfig config) {
    var source = contents.dataSource(column.batchSource())
        .orElseThrow(() -> new FeatureStoreException(ErrorCode.UNKNOWN_REFERENCE, column.location(),
            "data source '" + column.batchSource() + "' of feature view '" + column.featureView()
                + "' is not registered"));
    Optional<SourceSchemaReader> reader = readers.stream().filter(r -> r.supports(source)).findFirst();
    if (reader.isEmpty()) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION, column.location(),
          inferenceHint(column, "columns of a " + source.kindName() + " cannot be read here yet"));
    }
    String sourceColumn = sourceColumnName(source.fieldMapping(), column.joinKey());
    Map<String, ValueType> columns;
    try {
      columns = reader.get().columns(source, config);
    } catch (FeatureStoreException e) {
      throw new FeatureStoreException(e.code(), column.location(),
          inferenceHint(column, e.getMessage()), e);
    }
    ValueType type = columns.get(sourceColumn);
    if (type == null) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION, column.location(),
          inferenceHint(column, "source '" + source.name() + "' has no column '" + sourceColumn
              + "' (columns: " + String.join(", ", columns.keySet()) + ")"));
    }
    if (type == ValueType.INVALID) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION, column.location(),
          inferenceHint(column, "column '" + sourceColumn + "' has a type Feast cannot use as a key"));
    }
    return type;
  }

  /** Field mappings map source column to feature name; join keys go through them too. */
  private static String sourceColumnName(Map<String, String> fieldMapping, String joinKey) {
    return fieldMapping.entrySet().stream()
        .filter(e -> e.getValue().equals(joinKey))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(joinKey);
  }

  private static String inferenceHint(EntityColumnToInfer column, String problem) {
    return "cannot infer the type of join key '" + column.joinKey() + "' of feature view '"
        + column.featureView() + "': " + problem + "; declare it with value_type= on entity '"
        + column.entity() + "' or a Field in the view's schema";
  }

  private static List<Entity> typedEntities(List<Entity> entities, List<FeatureView> views) {
    List<Entity> typed = new ArrayList<>();
    for (Entity entity : entities) {
      if (entity.valueType().isPresent()) {
        typed.add(entity);
        continue;
      }
      Optional<ValueType> inferred = views.stream()
          .filter(v -> v.entities().contains(entity.name()))
          .flatMap(v -> v.entityColumns().stream())
          .filter(f -> f.name().equals(entity.joinKey()))
          .map(f -> f.dtype().valueType())
          .findFirst();
      typed.add(inferred.isEmpty() ? entity
          : new Entity(entity.name(), entity.joinKey(), inferred, entity.metadata()));
    }
    return typed;
  }
}
