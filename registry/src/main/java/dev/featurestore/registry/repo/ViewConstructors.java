package dev.featurestore.registry.repo;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.LabelView;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.StreamViewSpec;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.registry.repo.FeastObjects.EntityObject;
import dev.featurestore.registry.repo.FeastObjects.FeatureViewObject;
import dev.featurestore.registry.repo.FeastObjects.LabelViewObject;
import dev.featurestore.registry.repo.FeastObjects.ProjectObject;
import dev.featurestore.registry.repo.FeastObjects.SourceObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code Project}, {@code Entity}, {@code Field}, {@code FeatureView} and {@code LabelView}, with
 * the checks and defaults of Feast's constructors ({@code entity.py}, {@code field.py},
 * {@code feature_view.py}, {@code labeling/label_view.py}) and the entity-column inference of
 * {@code inference.py} that needs no data.
 */
final class ViewConstructors {
  /** Feast's placeholder entity for entityless views ({@code feature_view.py}). */
  static final String DUMMY_ENTITY_NAME = "__dummy";

  static final String DUMMY_ENTITY_ID = "__dummy_id";

  private final Consumer<RepoWarning> warnings;

  ViewConstructors(Consumer<RepoWarning> warnings) {
    this.warnings = warnings;
  }

  void register(Map<String, Object> names) {
    names.put("Project", new Builtin(Signature.keywordOnly("Project", "name!", "description", "tags", "owner",
        "created_timestamp", "last_updated_timestamp"),
        args -> new ProjectObject(new Project(Names.projectName(args), args.metadata()), args.callLocation())));
    names.put("Entity", new Builtin(Signature.keywordOnly("Entity", "name!", "join_keys", "value_type",
        "description", "tags", "owner"), ViewConstructors::entity));
    names.put("Field", new Builtin(Signature.keywordOnly("Field", "name!", "dtype!", "description", "tags",
        "vector_index", "vector_length", "vector_search_metric"), ViewConstructors::field));
    names.put("FeatureView", new Builtin(Signature.keywordOnly("FeatureView", "name!", "source", "sink_source",
        "schema", "entities", "ttl", "online", "offline", "description", "tags", "owner", "org", "mode",
        "enable_validation", "version", "enabled"), this::featureView));
    names.put("LabelView", new Builtin(Signature.keywordOnly("LabelView", "name!", "source", "schema",
        "entities", "ttl", "online", "description", "tags", "owner", "labeler_field", "conflict_policy",
        "reference_feature_view"), ViewConstructors::labelView));
  }

  private static Object entity(BoundArguments args) {
    String name = Names.required(args, "Entity");
    List<String> joinKeys = args.listOf("join_keys", String.class, "str");
    if (joinKeys.size() > 1) {
      throw args.invalid("join_keys", "entity '" + name + "' has " + joinKeys.size()
          + " join keys; an entity may only have a single join key");
    }
    Optional<ValueType> valueType = args.optional("value_type", ValueType.class, "ValueType")
        .filter(t -> t != ValueType.INVALID);
    String joinKey = joinKeys.isEmpty() ? name : joinKeys.get(0);
    return new EntityObject(new Entity(name, joinKey, valueType, args.metadata()), args.callLocation());
  }

  private static Object field(BoundArguments args) {
    String name = Names.required(args, "Field");
    Object dtype = args.raw("dtype");
    if (!(dtype instanceof FeastType type)) {
      throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, args.locationOf("dtype"),
          "dtype of Field '" + name + "' must be a type from feast.types (Int64, String, Array(Float32)...), not "
              + PyTypes.repr(dtype));
    }
    return new Field(name, type, args.string("description", ""), args.stringMap("tags"));
  }

  private static Duration ttl(BoundArguments args, String kind, String name) {
    Duration ttl = args.duration("ttl").orElse(Duration.ZERO);
    if (ttl.isNegative()) {
      throw args.invalid("ttl", "ttl of " + kind + " '" + name + "' must not be negative, got " + ttl);
    }
    return ttl;
  }

  private static List<EntityObject> entities(BoundArguments args, String kind, String name) {
    List<EntityObject> entities = args.listOf("entities", EntityObject.class, "Entity");
    Set<String> joinKeys = new HashSet<>();
    for (EntityObject e : entities) {
      if (!joinKeys.add(e.entity.joinKey())) {
        throw args.invalid("entities", kind + " '" + name + "' has two entities with join key '"
            + e.entity.joinKey() + "'; a view's entities must have distinct join keys");
      }
    }
    return entities;
  }

  /** Schema fields named like a join key are entity columns; their type must agree with the entity's. */
  private static void splitSchema(BoundArguments args, List<EntityObject> entities, List<Field> schema,
      List<Field> entityColumns, List<Field> features) {
    for (Field field : schema) {
      Optional<EntityObject> entity =
          entities.stream().filter(e -> e.entity.joinKey().equals(field.name())).findFirst();
      if (entity.isEmpty()) {
        features.add(field);
        continue;
      }
      entityColumns.add(field);
      Optional<ValueType> declared = entity.get().entity.valueType();
      if (declared.isPresent() && declared.get() != field.dtype().valueType()) {
        throw args.invalid("schema", "entity '" + entity.get().name() + "' has value_type ValueType."
            + declared.get() + ", which does not match the type of schema field '" + field.name() + "': "
            + field.dtype().pythonName());
      }
    }
  }

  private Object featureView(BoundArguments args) {
    String name = Names.viewName(args, "FeatureView");
    return view(args, "feature view", name, viewSource(args, name), Optional.empty());
  }

  /**
   * What {@code FeatureView} and {@code StreamFeatureView} share: entities, schema split, entity
   * columns to infer, the field-mapping check, ttl and flags. A push, Kafka or CDC source is the
   * stream source and its batch source the batch source.
   */
  FeatureViewObject view(BoundArguments args, String kind, String name, SourceObject source,
      Optional<StreamViewSpec> stream) {
    SourceObject batch = source.batchSource != null ? source.batchSource : source;
    List<EntityObject> entities = entities(args, kind, name);
    List<Field> schema = args.listOf("schema", Field.class, "Field");
    List<Field> entityColumns = new ArrayList<>();
    List<Field> features = new ArrayList<>();
    splitSchema(args, entities, schema, entityColumns, features);
    List<EntityColumnToInfer> uninferred = new ArrayList<>();
    for (EntityObject e : entities) {
      String joinKey = e.entity.joinKey();
      if (entityColumns.stream().anyMatch(c -> c.name().equals(joinKey))) {
        continue;
      }
      Optional<FeastType> type = e.entity.valueType().flatMap(FeastTypeNames::fromValueType);
      if (type.isPresent()) {
        entityColumns.add(Field.of(joinKey, type.get()));
      } else {
        uninferred.add(new EntityColumnToInfer(name, e.name(), joinKey, batch.name(), args.callLocation()));
      }
    }
    List<String> entityNames = entities.stream().map(EntityObject::name).toList();
    if (entities.isEmpty()) {
      entityNames = List.of(DUMMY_ENTITY_NAME);
      entityColumns.add(Field.of(DUMMY_ENTITY_ID, FeastTypeNames.lookup("String").map(FeastType.class::cast).orElseThrow()));
    }
    for (Field field : schema) {
      if (batch.source.fieldMapping().containsKey(field.name())) {
        throw args.invalid("schema", "field '" + field.name() + "' of " + kind + " '" + name + "' is mapped to '"
            + batch.source.fieldMapping().get(field.name()) + "' by source '" + batch.name()
            + "'; remove the mapping or name the field '" + batch.source.fieldMapping().get(field.name()) + "'");
      }
    }
    if (features.isEmpty()) {
      warnings.accept(new RepoWarning(args.callLocation(), kind + " '" + name
          + "' declares no features in its schema; Feast would infer them from the source's columns, which is not done here"));
    }
    FeatureView view = new FeatureView(name, entityNames, features, entityColumns, ttl(args, kind, name),
        args.bool("online", true), args.bool("offline", false), batch.source,
        source.batchSource != null ? Optional.of(source.source) : Optional.empty(), args.metadata(), stream);
    return new FeatureViewObject(view, source, uninferred, args.callLocation());
  }

  private static SourceObject viewSource(BoundArguments args, String name) {
    Object raw = args.raw("source");
    if (PyTypes.isNone(raw)) {
      throw new FeatureStoreException(ErrorCode.UNSUPPORTED_CONSTRUCT, args.callLocation(),
          "feature view '" + name + "' has no source; views without a source are not supported here");
    }
    if (raw instanceof FeatureViewObject || raw instanceof List) {
      throw new FeatureStoreException(ErrorCode.UNSUPPORTED_CONSTRUCT, args.locationOf("source"),
          "feature view '" + name + "' is derived from other feature views; derived views are not supported here");
    }
    SourceObject source = args.get("source", SourceObject.class, "a data source");
    if (source.source.options() instanceof DataSource.RequestOptions) {
      throw args.invalid("source", "feature view '" + name + "' reads RequestSource '" + source.name()
          + "'; request sources can only feed on-demand feature views");
    }
    if ((source.source.options() instanceof DataSource.KafkaOptions) && source.batchSource == null) {
      throw args.invalid("source", "stream source '" + source.name() + "' of feature view '" + name
          + "' needs a batch_source");
    }
    return source;
  }

  private static Object labelView(BoundArguments args) {
    String name = Names.viewName(args, "LabelView");
    if (!args.has("source")) {
      throw new FeatureStoreException(ErrorCode.UNSUPPORTED_CONSTRUCT, args.callLocation(),
          "label view '" + name + "' has no source; label views without a source are not supported here");
    }
    SourceObject source = args.get("source", SourceObject.class, "a data source");
    List<EntityObject> entities = entities(args, "label view", name);
    if (entities.isEmpty()) {
      throw args.invalid("entities", "label view '" + name + "' has no entities");
    }
    List<Field> entityColumns = new ArrayList<>();
    List<Field> features = new ArrayList<>();
    splitSchema(args, entities, args.listOf("schema", Field.class, "Field"), entityColumns, features);
    for (EntityObject e : entities) {
      String joinKey = e.entity.joinKey();
      if (entityColumns.stream().noneMatch(c -> c.name().equals(joinKey))) {
        // Feast's LabelView defaults untyped join keys to String
        FeastType type = e.entity.valueType().flatMap(FeastTypeNames::fromValueType)
            .orElseGet(() -> (FeastType) FeastTypeNames.lookup("String").orElseThrow());
        entityColumns.add(Field.of(joinKey, type));
      }
    }
    String policy = args.optional("conflict_policy", ConflictPolicy.class, "ConflictPolicy")
        .map(ConflictPolicy::name).orElse("LAST_WRITE_WINS");
    LabelView view = new LabelView(name, entities.stream().map(EntityObject::name).toList(), features, entityColumns,
        ttl(args, "label view", name), source.source, args.bool("online", true), args.string("labeler_field", "labeler"),
        policy, args.string("reference_feature_view", ""), args.metadata());
    return new LabelViewObject(view, source, args.callLocation());
  }

  /** A member of Feast's {@code ConflictPolicy} enum. */
  record ConflictPolicy(String name) {
    static EnumClass enumClass() {
      return new EnumClass("ConflictPolicy", Map.of(
          "LAST_WRITE_WINS", new ConflictPolicy("LAST_WRITE_WINS"),
          "LABELER_PRIORITY", new ConflictPolicy("LABELER_PRIORITY"),
          "MAJORITY_VOTE", new ConflictPolicy("MAJORITY_VOTE")));
    }
  }
}
