package dev.featurestore.core.proto;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.ValueType;
import feast.proto.core.FeatureProto.FeatureSpecV2;
import feast.proto.core.FeatureViewProto;
import feast.proto.core.StreamFeatureViewProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps feature views to {@code feast.core.FeatureView} as Feast's {@code feature_view.py} writes
 * them: ttl always present (zero = never expires), sources with their class type, {@code version}
 * "latest", an empty meta. An entityless view is stored Feast's way, with the dummy entity {@code
 * __dummy} and entity column {@code __dummy_id} (String); the model keeps it entity-free.
 */
public final class FeatureViewMapper {

  static final String DUMMY_ENTITY_NAME = "__dummy";
  static final String DUMMY_ENTITY_ID = "__dummy_id";
  static final String DEFAULT_VERSION = "latest";

  private FeatureViewMapper() {}

  public static FeatureViewProto.FeatureView toProto(FeatureView view, String project) {
    Metadata metadata = view.metadata();
    FeatureViewProto.FeatureViewSpec.Builder spec =
        FeatureViewProto.FeatureViewSpec.newBuilder()
            .setName(view.name())
            .setProject(project)
            .addAllEntities(storedEntities(view.entities()))
            .addAllEntityColumns(storedEntityColumns(view.entities(), view.entityColumns()))
            .addAllFeatures(fieldsToProto(view.features()))
            .setDescription(metadata.description())
            .putAllTags(metadata.tags())
            .setOwner(metadata.owner())
            .setTtl(ProtoTime.toProto(view.ttl()))
            .setOnline(view.online())
            .setOffline(view.offline())
            .setBatchSource(DataSourceMapper.toViewSourceProto(view.batchSource()))
            .setVersion(DEFAULT_VERSION);
    view.streamSource()
        .ifPresent(source -> spec.setStreamSource(DataSourceMapper.toViewSourceProto(source)));
    return FeatureViewProto.FeatureView.newBuilder()
        .setSpec(spec)
        .setMeta(FeatureViewProto.FeatureViewMeta.getDefaultInstance())
        .build();
  }

  public static FeatureView fromProto(FeatureViewProto.FeatureView proto) {
    FeatureViewProto.FeatureViewSpec spec = proto.getSpec();
    if (!spec.hasBatchSource()) {
      throw new FeatureStoreException(
          ErrorCode.UNSUPPORTED_CONSTRUCT,
          "feature view "
              + spec.getName()
              + " has no batch source (derived views are not supported)");
    }
    List<String> entities = modelEntities(spec.getEntitiesList());
    return new FeatureView(
        spec.getName(),
        entities,
        fieldsFromProto(spec.getFeaturesList()),
        modelEntityColumns(entities, spec.getEntityColumnsList()),
        ProtoTime.fromProto(spec.getTtl()),
        spec.getOnline(),
        spec.getOffline(),
        DataSourceMapper.fromProto(spec.getBatchSource()),
        spec.hasStreamSource()
            ? Optional.of(DataSourceMapper.fromProto(spec.getStreamSource()))
            : Optional.empty(),
        new Metadata(spec.getDescription(), spec.getTagsMap(), spec.getOwner()));
  }

  /** A stored stream feature view, with its aggregations: see {@link StreamFeatureViewMapper}. */
  public static FeatureView fromProto(StreamFeatureViewProto.StreamFeatureView proto) {
    return StreamFeatureViewMapper.fromProto(proto);
  }

  static List<String> storedEntities(List<String> entities) {
    return entities.isEmpty() ? List.of(DUMMY_ENTITY_NAME) : entities;
  }

  static List<FeatureSpecV2> storedEntityColumns(List<String> entities, List<Field> columns) {
    if (entities.isEmpty() && columns.isEmpty()) {
      return List.of(
          FeastTypeMapper.toProto(
              Field.of(DUMMY_ENTITY_ID, FeastTypeMapper.primitive(ValueType.STRING))));
    }
    return fieldsToProto(columns);
  }

  static List<String> modelEntities(List<String> stored) {
    return stored.equals(List.of(DUMMY_ENTITY_NAME)) ? List.of() : List.copyOf(stored);
  }

  static List<Field> modelEntityColumns(List<String> entities, List<FeatureSpecV2> stored) {
    List<Field> columns = fieldsFromProto(stored);
    if (entities.isEmpty()) {
      columns.removeIf(field -> field.name().equals(DUMMY_ENTITY_ID));
    }
    return columns;
  }

  static List<FeatureSpecV2> fieldsToProto(List<Field> fields) {
    List<FeatureSpecV2> specs = new ArrayList<>(fields.size());
    fields.forEach(field -> specs.add(FeastTypeMapper.toProto(field)));
    return specs;
  }

  static List<Field> fieldsFromProto(List<FeatureSpecV2> specs) {
    List<Field> fields = new ArrayList<>(specs.size());
    specs.forEach(spec -> fields.add(FeastTypeMapper.fromProto(spec)));
    return fields;
  }
}
