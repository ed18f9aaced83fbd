package dev.featurestore.core.proto;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.Aggregation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.StreamViewSpec;
import feast.proto.core.AggregationProto;
import feast.proto.core.FeatureProto.FeatureSpecV2;
import feast.proto.core.FeatureViewProto;
import feast.proto.core.StreamFeatureViewProto;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maps stream feature views (feature views with a {@link StreamViewSpec}) to {@code
 * feast.core.StreamFeatureView} as Feast's {@code stream_feature_view.py} {@code to_proto} writes
 * them:
 *
 * <ul>
 *   <li>{@code features} holds the whole schema, entity columns included (Feast writes {@code
 *       self.schema}, the union of entity columns and features, in set order; we write entity
 *       columns first, then features in schema order). Reading takes the entity columns out again.
 *   <li>{@code ttl}, {@code online}, {@code mode}, {@code timestamp_field}, {@code enable_tiling}
 *       and {@code version} ("latest") are always written; {@code tiling_hop_size} only when set.
 *   <li>Each aggregation writes {@code time_window} when it has one and {@code slide_interval} =
 *       the slide, or the window when no slide was given (Feast's {@code Aggregation.__init__}).
 *   <li>Sources carry their class type ({@code serialize_data_source}); no user-defined function
 *       (this project never registers one).
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class StreamFeatureViewMapper {

  private StreamFeatureViewMapper() {}

  /**
   * The view as Feast's {@code StreamFeatureView.to_proto()}, project set, empty meta.
   *
   * @throws IllegalArgumentException if the view is not a stream feature view
   */
  public static StreamFeatureViewProto.StreamFeatureView toProto(FeatureView view, String project) {
    StreamViewSpec stream =
        view.stream()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "feature view " + view.name() + " is not a stream feature view"));
    Metadata metadata = view.metadata();
    List<FeatureSpecV2> entityColumns =
        FeatureViewMapper.storedEntityColumns(view.entities(), view.entityColumns());
    StreamFeatureViewProto.StreamFeatureViewSpec.Builder spec =
        StreamFeatureViewProto.StreamFeatureViewSpec.newBuilder()
            .setName(view.name())
            .setProject(project)
            .addAllEntities(FeatureViewMapper.storedEntities(view.entities()))
            .addAllFeatures(entityColumns)
            .addAllFeatures(FeatureViewMapper.fieldsToProto(view.features()))
            .addAllEntityColumns(entityColumns)
            .setDescription(metadata.description())
            .putAllTags(metadata.tags())
            .setOwner(metadata.owner())
            .setTtl(ProtoTime.toProto(view.ttl()))
            .setBatchSource(DataSourceMapper.toViewSourceProto(view.batchSource()))
            .setOnline(view.online())
            .setMode(stream.mode())
            .setTimestampField(stream.timestampField())
            .setEnableTiling(stream.enableTiling())
            .setVersion(FeatureViewMapper.DEFAULT_VERSION);
    view.streamSource()
        .ifPresent(source -> spec.setStreamSource(DataSourceMapper.toViewSourceProto(source)));
    stream.aggregations().forEach(aggregation -> spec.addAggregations(toProto(aggregation)));
    if (!stream.tilingHopSize().isZero()) {
      spec.setTilingHopSize(ProtoTime.toProto(stream.tilingHopSize()));
    }
    return StreamFeatureViewProto.StreamFeatureView.newBuilder()
        .setSpec(spec)
        .setMeta(FeatureViewProto.FeatureViewMeta.getDefaultInstance())
        .build();
  }

  /**
   * A stored stream feature view as a feature view with its {@link StreamViewSpec}; the batch
   * source is the spec's, else the stream source's own batch source. A user-defined function, if
   * Feast stored one, is not read (it cannot run here).
   *
   * @throws FeatureStoreException CORRUPT_REGISTRY if there is no batch source at all
   */
  public static FeatureView fromProto(StreamFeatureViewProto.StreamFeatureView proto) {
    StreamFeatureViewProto.StreamFeatureViewSpec spec = proto.getSpec();
    List<String> entities = FeatureViewMapper.modelEntities(spec.getEntitiesList());
    Optional<DataSource> streamSource =
        spec.hasStreamSource()
            ? Optional.of(DataSourceMapper.fromProto(spec.getStreamSource()))
            : Optional.empty();
    DataSource batch =
        spec.hasBatchSource()
            ? DataSourceMapper.fromProto(spec.getBatchSource())
            : streamSource
                .flatMap(DataSource::batchSource)
                .orElseThrow(
                    () ->
                        new FeatureStoreException(
                            ErrorCode.CORRUPT_REGISTRY,
                            "stream feature view " + spec.getName() + " has no batch source"));
    Set<String> entityColumnNames = new HashSet<>();
    spec.getEntityColumnsList().forEach(column -> entityColumnNames.add(column.getName()));
    List<Field> features = new ArrayList<>();
    for (FeatureSpecV2 feature : spec.getFeaturesList()) {
      if (!entityColumnNames.contains(feature.getName())) {
        features.add(FeastTypeMapper.fromProto(feature));
      }
    }
    List<Aggregation> aggregations =
        spec.getAggregationsList().stream().map(StreamFeatureViewMapper::fromProto).toList();
    StreamViewSpec stream =
        new StreamViewSpec(
            spec.getMode(),
            spec.getTimestampField(),
            aggregations,
            spec.getEnableTiling(),
            spec.hasTilingHopSize() ? ProtoTime.fromProto(spec.getTilingHopSize()) : Duration.ZERO);
    return new FeatureView(
        spec.getName(),
        entities,
        features,
        FeatureViewMapper.modelEntityColumns(entities, spec.getEntityColumnsList()),
        ProtoTime.fromProto(spec.getTtl()),
        spec.getOnline(),
        false,
        batch,
        streamSource,
        new Metadata(spec.getDescription(), spec.getTagsMap(), spec.getOwner()),
        Optional.of(stream));
  }

  static AggregationProto.Aggregation toProto(Aggregation aggregation) {
    AggregationProto.Aggregation.Builder proto =
        AggregationProto.Aggregation.newBuilder()
            .setColumn(aggregation.column())
            .setFunction(aggregation.function())
            .setName(aggregation.name());
    if (!aggregation.timeWindow().isZero()) {
      proto.setTimeWindow(ProtoTime.toProto(aggregation.timeWindow()));
    }
    if (!aggregation.hop().isZero()) {
      proto.setSlideInterval(ProtoTime.toProto(aggregation.hop()));
    }
    return proto.build();
  }

  static Aggregation fromProto(AggregationProto.Aggregation proto) {
    Duration window =
        proto.hasTimeWindow() ? ProtoTime.fromProto(proto.getTimeWindow()) : Duration.ZERO;
    Duration slide =
        proto.hasSlideInterval() ? ProtoTime.fromProto(proto.getSlideInterval()) : Duration.ZERO;
    return new Aggregation(
        proto.getColumn(),
        proto.getFunction(),
        window,
        slide.equals(window) ? Duration.ZERO : slide,
        proto.getName());
  }
}
