package dev.featurestore.core.proto;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.LabelView;
import dev.featurestore.core.model.Metadata;
import feast.proto.core.LabelViewProto;
import java.util.List;

/**
 * Maps label views to {@code feast.core.LabelView} as Feast's {@code labeling/label_view.py} writes
 * them. The conflict policy travels as the enum of the same name.
 */
public final class LabelViewMapper {

  private LabelViewMapper() {}

  public static LabelViewProto.LabelView toProto(LabelView view, String project) {
    Metadata metadata = view.metadata();
    LabelViewProto.LabelViewSpec spec =
        LabelViewProto.LabelViewSpec.newBuilder()
            .setName(view.name())
            .setProject(project)
            .addAllEntities(view.entities())
            .addAllEntityColumns(FeatureViewMapper.fieldsToProto(view.entityColumns()))
            .addAllFeatures(FeatureViewMapper.fieldsToProto(view.features()))
            .setDescription(metadata.description())
            .putAllTags(metadata.tags())
            .setOwner(metadata.owner())
            .setTtl(ProtoTime.toProto(view.ttl()))
            .setOnline(view.online())
            .setSource(DataSourceMapper.toViewSourceProto(view.source()))
            .setLabelerField(view.labelerField())
            .setConflictPolicy(conflictPolicy(view))
            .setReferenceFeatureView(view.referenceFeatureView())
            .build();
    return LabelViewProto.LabelView.newBuilder()
        .setSpec(spec)
        .setMeta(LabelViewProto.LabelViewMeta.getDefaultInstance())
        .build();
  }

  private static LabelViewProto.ConflictResolutionPolicy conflictPolicy(LabelView view) {
    try {
      return LabelViewProto.ConflictResolutionPolicy.valueOf(view.conflictPolicy());
    } catch (IllegalArgumentException e) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_DEFINITION,
          "label view " + view.name() + ": unknown conflict policy " + view.conflictPolicy(),
          e);
    }
  }

  public static LabelView fromProto(LabelViewProto.LabelView proto) {
    LabelViewProto.LabelViewSpec spec = proto.getSpec();
    String policy =
        spec.getConflictPolicy() == LabelViewProto.ConflictResolutionPolicy.UNRECOGNIZED
            ? "LAST_WRITE_WINS"
            : spec.getConflictPolicy().name();
    return new LabelView(
        spec.getName(),
        List.copyOf(spec.getEntitiesList()),
        FeatureViewMapper.fieldsFromProto(spec.getFeaturesList()),
        FeatureViewMapper.fieldsFromProto(spec.getEntityColumnsList()),
        ProtoTime.fromProto(spec.getTtl()),
        DataSourceMapper.fromProto(spec.getSource()),
        spec.getOnline(),
        spec.getLabelerField(),
        policy,
        spec.getReferenceFeatureView(),
        new Metadata(spec.getDescription(), spec.getTagsMap(), spec.getOwner()));
  }
}
