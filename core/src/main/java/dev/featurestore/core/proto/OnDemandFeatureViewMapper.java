package dev.featurestore.core.proto;

import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureViewProjection;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.OnDemandFeatureView;
import dev.featurestore.core.model.RepoContents;
import feast.proto.core.FeatureTransformationProto.FeatureTransformationV2;
import feast.proto.core.FeatureTransformationProto.UserDefinedFunctionV2;
import feast.proto.core.OnDemandFeatureViewProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps on-demand views as Feast's {@code on_demand_feature_view.py} writes them: sources keyed by
 * the source's name (view name for projections), the function in {@code feature_transformation}.
 * Feast also stores the function pickled ({@code body}); we never run Python, so {@code body} stays
 * empty and only {@code body_text} (the source) is written. Feast cannot execute such a view.
 */
public final class OnDemandFeatureViewMapper {

  private OnDemandFeatureViewMapper() {}

  public static OnDemandFeatureViewProto.OnDemandFeatureView toProto(
      OnDemandFeatureView view, String project, RepoContents contents) {
    Metadata metadata = view.metadata();
    OnDemandFeatureViewProto.OnDemandFeatureViewSpec.Builder spec =
        OnDemandFeatureViewProto.OnDemandFeatureViewSpec.newBuilder()
            .setName(view.name())
            .setProject(project)
            .addAllFeatures(FeatureViewMapper.fieldsToProto(view.features()))
            .setMode(view.mode())
            .setDescription(metadata.description())
            .putAllTags(metadata.tags())
            .setOwner(metadata.owner())
            .setWriteToOnlineStore(view.writeToOnlineStore())
            // An on-demand view without entities carries Feast's dummy entity.
            .addEntities(FeatureViewMapper.DUMMY_ENTITY_NAME)
            .setVersion(FeatureViewMapper.DEFAULT_VERSION)
            .setFeatureTransformation(
                FeatureTransformationV2.newBuilder()
                    .setUserDefinedFunction(
                        UserDefinedFunctionV2.newBuilder()
                            .setName(view.udfName())
                            .setBodyText(view.udfBodyText())
                            .setMode(view.mode())));
    for (FeatureViewProjection projection : view.featureViewSources()) {
      spec.putSources(
          projection.featureViewName(),
          OnDemandFeatureViewProto.OnDemandSource.newBuilder()
              .setFeatureViewProjection(FeatureServiceMapper.toProto(projection, contents))
              .build());
    }
    for (DataSource request : view.requestSources()) {
      spec.putSources(
          request.name(),
          OnDemandFeatureViewProto.OnDemandSource.newBuilder()
              .setRequestDataSource(DataSourceMapper.toPlainProto(request))
              .build());
    }
    return OnDemandFeatureViewProto.OnDemandFeatureView.newBuilder()
        .setSpec(spec)
        .setMeta(OnDemandFeatureViewProto.OnDemandFeatureViewMeta.getDefaultInstance())
        .build();
  }

  public static OnDemandFeatureView fromProto(OnDemandFeatureViewProto.OnDemandFeatureView proto) {
    OnDemandFeatureViewProto.OnDemandFeatureViewSpec spec = proto.getSpec();
    List<FeatureViewProjection> projections = new ArrayList<>();
    List<DataSource> requests = new ArrayList<>();
    for (Map.Entry<String, OnDemandFeatureViewProto.OnDemandSource> entry :
        spec.getSourcesMap().entrySet()) {
      OnDemandFeatureViewProto.OnDemandSource source = entry.getValue();
      switch (source.getSourceCase()) {
        case FEATURE_VIEW_PROJECTION ->
            projections.add(FeatureServiceMapper.fromProto(source.getFeatureViewProjection()));
          // Older registries embed the whole view; what the on-demand view needs is its projection.
        case FEATURE_VIEW ->
            projections.add(
                new FeatureViewProjection(
                    source.getFeatureView().getSpec().getName(),
                    "",
                    FeatureViewMapper.fieldsFromProto(
                        source.getFeatureView().getSpec().getFeaturesList()),
                    Map.of()));
        case REQUEST_DATA_SOURCE ->
            requests.add(DataSourceMapper.fromProto(source.getRequestDataSource()));
        default -> {
          // An empty source entry carries nothing to keep.
        }
      }
    }
    String udfName;
    String udfBody;
    if (spec.getFeatureTransformation().hasUserDefinedFunction()) {
      UserDefinedFunctionV2 udf = spec.getFeatureTransformation().getUserDefinedFunction();
      udfName = udf.getName();
      udfBody = udf.getBodyText();
    } else {
      udfName = spec.getUserDefinedFunction().getName();
      udfBody = spec.getUserDefinedFunction().getBodyText();
    }
    return new OnDemandFeatureView(
        spec.getName(),
        FeatureViewMapper.fieldsFromProto(spec.getFeaturesList()),
        projections,
        requests,
        spec.getMode(),
        udfName,
        udfBody,
        spec.getWriteToOnlineStore(),
        new Metadata(spec.getDescription(), spec.getTagsMap(), spec.getOwner()));
  }
}
