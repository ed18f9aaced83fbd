package dev.featurestore.core.proto;

import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.ValueType;
import feast.proto.core.EntityProto;
import feast.proto.core.ProjectProto;
import java.util.Optional;

/** Maps entities and projects as Feast's {@code entity.py} and {@code project.py} write them. */
public final class EntityMapper {

  private EntityMapper() {}

  /** An entity without a declared type is stored as INVALID (0), Feast's UNKNOWN. */
  public static EntityProto.Entity toProto(Entity entity, String project) {
    Metadata metadata = entity.metadata();
    EntityProto.EntitySpecV2 spec =
        EntityProto.EntitySpecV2.newBuilder()
            .setName(entity.name())
            .setProject(project)
            .setValueTypeValue(entity.valueType().map(ValueType::number).orElse(0))
            .setJoinKey(entity.joinKey())
            .setDescription(metadata.description())
            .putAllTags(metadata.tags())
            .setOwner(metadata.owner())
            .build();
    return EntityProto.Entity.newBuilder()
        .setSpec(spec)
        .setMeta(EntityProto.EntityMeta.getDefaultInstance())
        .build();
  }

  public static Entity fromProto(EntityProto.Entity proto) {
    EntityProto.EntitySpecV2 spec = proto.getSpec();
    int type = spec.getValueTypeValue();
    Optional<ValueType> valueType =
        type == 0 ? Optional.empty() : Optional.of(FeastTypeMapper.valueType(type));
    return new Entity(
        spec.getName(),
        spec.getJoinKey(),
        valueType,
        new Metadata(spec.getDescription(), spec.getTagsMap(), spec.getOwner()));
  }

  public static ProjectProto.Project toProto(Project project) {
    Metadata metadata = project.metadata();
    return ProjectProto.Project.newBuilder()
        .setSpec(
            ProjectProto.ProjectSpec.newBuilder()
                .setName(project.name())
                .setDescription(metadata.description())
                .putAllTags(metadata.tags())
                .setOwner(metadata.owner()))
        .setMeta(ProjectProto.ProjectMeta.getDefaultInstance())
        .build();
  }

  public static Project fromProto(ProjectProto.Project proto) {
    ProjectProto.ProjectSpec spec = proto.getSpec();
    return new Project(
        spec.getName(), new Metadata(spec.getDescription(), spec.getTagsMap(), spec.getOwner()));
  }
}
