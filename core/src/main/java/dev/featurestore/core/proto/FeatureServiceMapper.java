package dev.featurestore.core.proto;

import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureService;
import dev.featurestore.core.model.FeatureViewProjection;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.RepoContents;
import feast.proto.core.FeatureReferenceProto;
import feast.proto.core.FeatureServiceProto;
import java.util.List;
import java.util.Optional;

/**
 * Maps feature services and view projections as Feast's {@code feature_service.py}, {@code
 * feature_view_projection.py} and {@code feature_logging.py} write them.
 *
 * <p>Feast copies a few attributes of the projected view's batch source into each projection
 * (including, as Feast does, the created-timestamp column into {@code timestamp_field}); they are
 * filled when the view is found in the {@link RepoContents} given, and never read back.
 */
public final class FeatureServiceMapper {

  static final String FEATURE_VIEW_TYPE = "featureView";
  static final String LABEL_VIEW_TYPE = "labelView";

  private FeatureServiceMapper() {}

  public static FeatureServiceProto.FeatureService toProto(
      FeatureService service, String project, RepoContents contents) {
    Metadata metadata = service.metadata();
    FeatureServiceProto.FeatureServiceSpec.Builder spec =
        FeatureServiceProto.FeatureServiceSpec.newBuilder()
            .setName(service.name())
            .setProject(project)
            .setDescription(metadata.description())
            .putAllTags(metadata.tags())
            .setOwner(metadata.owner());
    service.features().forEach(projection -> spec.addFeatures(toProto(projection, contents)));
    service.loggingConfig().ifPresent(config -> spec.setLoggingConfig(toProto(config)));
    return FeatureServiceProto.FeatureService.newBuilder()
        .setSpec(spec)
        .setMeta(FeatureServiceProto.FeatureServiceMeta.getDefaultInstance())
        .build();
  }

  public static FeatureService fromProto(FeatureServiceProto.FeatureService proto) {
    FeatureServiceProto.FeatureServiceSpec spec = proto.getSpec();
    List<FeatureViewProjection> projections =
        spec.getFeaturesList().stream().map(FeatureServiceMapper::fromProto).toList();
    return new FeatureService(
        spec.getName(),
        projections,
        fromProto(spec.getLoggingConfig()),
        new Metadata(spec.getDescription(), spec.getTagsMap(), spec.getOwner()));
  }

  static FeatureReferenceProto.FeatureViewProjection toProto(
      FeatureViewProjection projection, RepoContents contents) {
    FeatureReferenceProto.FeatureViewProjection.Builder proto =
        FeatureReferenceProto.FeatureViewProjection.newBuilder()
            .setFeatureViewName(projection.featureViewName())
            .setFeatureViewNameAlias(projection.alias())
            .addAllFeatureColumns(FeatureViewMapper.fieldsToProto(projection.features()))
            .putAllJoinKeyMap(projection.joinKeyMap())
            .setViewType(FEATURE_VIEW_TYPE);
    Optional<DataSource> batch =
        contents.featureView(projection.featureViewName()).map(view -> view.batchSource());
    batch.ifPresent(
        source ->
            proto
                .setTimestampField(source.createdTimestampColumn())
                .setCreatedTimestampColumn(source.createdTimestampColumn())
                .setDatePartitionColumn(source.datePartitionColumn())
                .setBatchSource(DataSourceMapper.toPlainProto(source)));
    boolean labelView =
        contents.labelViews().stream().anyMatch(v -> v.name().equals(projection.featureViewName()));
    if (batch.isEmpty() && labelView) {
      proto.setViewType(LABEL_VIEW_TYPE);
    }
    return proto.build();
  }

  static FeatureViewProjection fromProto(FeatureReferenceProto.FeatureViewProjection proto) {
    return new FeatureViewProjection(
        proto.getFeatureViewName(),
        proto.getFeatureViewNameAlias(),
        FeatureViewMapper.fieldsFromProto(proto.getFeatureColumnsList()),
        proto.getJoinKeyMapMap());
  }

  private static FeatureServiceProto.LoggingConfig toProto(FeatureService.LoggingConfig config) {
    FeatureService.FileLoggingDestination file = config.destination();
    return FeatureServiceProto.LoggingConfig.newBuilder()
        .setSampleRate((float) config.sampleRate())
        .setFileDestination(
            FeatureServiceProto.LoggingConfig.FileDestination.newBuilder()
                .setPath(file.path())
                .setS3EndpointOverride(file.s3EndpointOverride())
                .addAllPartitionBy(file.partitionBy()))
        .build();
  }

  // Only file destinations are modelled; a service logging elsewhere reads as not logging.
  private static Optional<FeatureService.LoggingConfig> fromProto(
      FeatureServiceProto.LoggingConfig proto) {
    if (!proto.hasFileDestination()) {
      return Optional.empty();
    }
    FeatureServiceProto.LoggingConfig.FileDestination file = proto.getFileDestination();
    // The float Feast stores, read back as the decimal the repository most likely wrote (0.1f ->
    // 0.1).
    double sampleRate = Double.parseDouble(Float.toString(proto.getSampleRate()));
    return Optional.of(
        new FeatureService.LoggingConfig(
            sampleRate,
            new FeatureService.FileLoggingDestination(
                file.getPath(), file.getS3EndpointOverride(), file.getPartitionByList())));
  }
}
