package dev.featurestore.core.proto;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeatureService;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.LabelView;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.OnDemandFeatureView;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import feast.proto.core.DataSourceProto;
import feast.proto.core.EntityProto;
import feast.proto.core.FeatureServiceProto;
import feast.proto.core.FeatureViewProto;
import feast.proto.core.LabelViewProto;
import feast.proto.core.OnDemandFeatureViewProto;
import feast.proto.core.ProjectProto;
import feast.proto.core.StreamFeatureViewProto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converts between the core model and Feast's registry protos, writing every field where Feast's
 * Python SDK (v0.66) puts it, so registries are shared both ways. {@code toProto} methods produce
 * the spec with the project set and an empty meta; stores add timestamps with {@link #withMeta}.
 * Stateless and thread-safe. The per-kind work lives in {@link EntityMapper}, {@link
 * DataSourceMapper}, {@link FeatureViewMapper}, {@link StreamFeatureViewMapper}, {@link
 * OnDemandFeatureViewMapper}, {@link
 * LabelViewMapper}, {@link FeatureServiceMapper} and {@link FeastTypeMapper}.
 */
public final class RegistryProtoMapper {

  private RegistryProtoMapper() {}

  public static ProjectProto.Project toProto(Project project) {
    return EntityMapper.toProto(project);
  }

  public static EntityProto.Entity toProto(Entity entity, String project) {
    return EntityMapper.toProto(entity, project);
  }

  public static DataSourceProto.DataSource toProto(DataSource source, String project) {
    return DataSourceMapper.toProto(source, project);
  }

  /** A view as a plain {@code FeatureView}, even if it is a stream feature view. */
  public static FeatureViewProto.FeatureView toProto(FeatureView view, String project) {
    return FeatureViewMapper.toProto(view, project);
  }

  /**
   * A stream feature view ({@link FeatureView#isStreamFeatureView()}) as Feast's {@code
   * StreamFeatureView}.
   *
   * @throws IllegalArgumentException if the view has no stream spec
   */
  public static StreamFeatureViewProto.StreamFeatureView toStreamProto(
      FeatureView view, String project) {
    return StreamFeatureViewMapper.toProto(view, project);
  }

  public static LabelViewProto.LabelView toProto(LabelView view, String project) {
    return LabelViewMapper.toProto(view, project);
  }

  /** Without the repository at hand, projections carry no batch-source details. */
  public static FeatureServiceProto.FeatureService toProto(FeatureService service, String project) {
    return FeatureServiceMapper.toProto(service, project, RepoContents.empty(project));
  }

  /**
   * Projections copy batch-source details of the views found in {@code contents}, as Feast does.
   */
  public static FeatureServiceProto.FeatureService toProto(
      FeatureService service, String project, RepoContents contents) {
    return FeatureServiceMapper.toProto(service, project, contents);
  }

  public static OnDemandFeatureViewProto.OnDemandFeatureView toProto(
      OnDemandFeatureView view, String project) {
    return OnDemandFeatureViewMapper.toProto(view, project, RepoContents.empty(project));
  }

  public static OnDemandFeatureViewProto.OnDemandFeatureView toProto(
      OnDemandFeatureView view, String project, RepoContents contents) {
    return OnDemandFeatureViewMapper.toProto(view, project, contents);
  }

  public static Project fromProto(ProjectProto.Project proto) {
    return EntityMapper.fromProto(proto);
  }

  public static Entity fromProto(EntityProto.Entity proto) {
    return EntityMapper.fromProto(proto);
  }

  public static DataSource fromProto(DataSourceProto.DataSource proto) {
    return DataSourceMapper.fromProto(proto);
  }

  public static FeatureView fromProto(FeatureViewProto.FeatureView proto) {
    return FeatureViewMapper.fromProto(proto);
  }

  public static FeatureView fromProto(StreamFeatureViewProto.StreamFeatureView proto) {
    return StreamFeatureViewMapper.fromProto(proto);
  }

  public static LabelView fromProto(LabelViewProto.LabelView proto) {
    return LabelViewMapper.fromProto(proto);
  }

  public static FeatureService fromProto(FeatureServiceProto.FeatureService proto) {
    return FeatureServiceMapper.fromProto(proto);
  }

  public static OnDemandFeatureView fromProto(OnDemandFeatureViewProto.OnDemandFeatureView proto) {
    return OnDemandFeatureViewMapper.fromProto(proto);
  }

  /**
   * Every object of a repository as registry objects, in {@link RegistryObjectKind} order (project,
   * data sources, entities, views, services), each with an empty meta. Stream feature views are
   * {@link RegistryObjectKind#STREAM_FEATURE_VIEW} objects, other feature views {@code
   * FEATURE_VIEW}.
   */
  public static List<RegistryObject> toRegistryObjects(RepoContents contents) {
    String project = contents.project().name();
    List<RegistryObject> objects = new ArrayList<>();
    objects.add(object(RegistryObjectKind.PROJECT, project, toProto(contents.project())));
    contents
        .dataSources()
        .forEach(
            s ->
                objects.add(object(RegistryObjectKind.DATA_SOURCE, s.name(), toProto(s, project))));
    contents
        .entities()
        .forEach(
            e -> objects.add(object(RegistryObjectKind.ENTITY, e.name(), toProto(e, project))));
    contents.featureViews().stream()
        .filter(v -> !v.isStreamFeatureView())
        .forEach(
            v ->
                objects.add(
                    object(RegistryObjectKind.FEATURE_VIEW, v.name(), toProto(v, project))));
    contents.featureViews().stream()
        .filter(FeatureView::isStreamFeatureView)
        .forEach(
            v ->
                objects.add(
                    object(
                        RegistryObjectKind.STREAM_FEATURE_VIEW,
                        v.name(),
                        toStreamProto(v, project))));
    contents
        .onDemandFeatureViews()
        .forEach(
            v ->
                objects.add(
                    object(
                        RegistryObjectKind.ON_DEMAND_FEATURE_VIEW,
                        v.name(),
                        toProto(v, project, contents))));
    contents
        .labelViews()
        .forEach(
            v -> objects.add(object(RegistryObjectKind.LABEL_VIEW, v.name(), toProto(v, project))));
    contents
        .featureServices()
        .forEach(
            s ->
                objects.add(
                    object(
                        RegistryObjectKind.FEATURE_SERVICE,
                        s.name(),
                        toProto(s, project, contents))));
    return objects;
  }

  /**
   * Rebuilds a project's contents from its stored objects. Stream feature views join the feature
   * views (after the plain ones); kinds the model does not hold (saved datasets, validation
   * references, permissions) are skipped; a missing project object yields a project with empty
   * metadata.
   *
   * @throws FeatureStoreException CORRUPT_REGISTRY if a payload is not the proto of its kind
   */
  public static RepoContents fromRegistry(String project, List<RegistryObject> objects) {
    Project projectObject = new Project(project, Metadata.EMPTY);
    List<Entity> entities = new ArrayList<>();
    List<DataSource> sources = new ArrayList<>();
    List<FeatureView> views = new ArrayList<>();
    List<FeatureView> streamViews = new ArrayList<>();
    List<OnDemandFeatureView> onDemandViews = new ArrayList<>();
    List<FeatureService> services = new ArrayList<>();
    List<LabelView> labelViews = new ArrayList<>();
    for (RegistryObject object : objects) {
      Message proto = object.proto();
      switch (object.kind()) {
        case PROJECT ->
            projectObject = fromProto(as(proto, ProjectProto.Project.getDefaultInstance()));
        case DATA_SOURCE ->
            sources.add(fromProto(as(proto, DataSourceProto.DataSource.getDefaultInstance())));
        case ENTITY -> entities.add(fromProto(as(proto, EntityProto.Entity.getDefaultInstance())));
        case FEATURE_VIEW ->
            views.add(fromProto(as(proto, FeatureViewProto.FeatureView.getDefaultInstance())));
        case STREAM_FEATURE_VIEW ->
            streamViews.add(
                fromProto(
                    as(proto, StreamFeatureViewProto.StreamFeatureView.getDefaultInstance())));
        case ON_DEMAND_FEATURE_VIEW ->
            onDemandViews.add(
                fromProto(
                    as(proto, OnDemandFeatureViewProto.OnDemandFeatureView.getDefaultInstance())));
        case LABEL_VIEW ->
            labelViews.add(fromProto(as(proto, LabelViewProto.LabelView.getDefaultInstance())));
        case FEATURE_SERVICE ->
            services.add(
                fromProto(as(proto, FeatureServiceProto.FeatureService.getDefaultInstance())));
        default -> {
          // Not part of RepoContents.
        }
      }
    }
    views.addAll(streamViews);
    return new RepoContents(
        projectObject, entities, sources, views, onDemandViews, services, labelViews);
  }

  /**
   * The part of a stored object that {@code apply} compares: its spec (for data sources, the whole
   * message without meta), with the meta of any embedded data source removed as well.
   */
  public static Message specOf(Message proto) {
    return ProtoMeta.specOf(proto);
  }

  /**
   * A copy of {@code proto} whose meta has the given created and last-updated timestamps; other
   * meta fields (materialization intervals, version numbers) are kept. Objects without a meta
   * (validation references) are returned unchanged.
   */
  public static Message withMeta(Message proto, Instant created, Instant updated) {
    return ProtoMeta.withMeta(proto, created, updated);
  }

  /** The {@code meta.created_timestamp} of a stored object, if set. */
  public static Optional<Instant> createdTimestamp(Message proto) {
    return ProtoMeta.createdTimestamp(proto);
  }

  private static RegistryObject object(RegistryObjectKind kind, String name, Message proto) {
    return new RegistryObject(kind, name, proto);
  }

  // Stores may hand back DynamicMessages or generic parses; re-read those as the generated type.
  @SuppressWarnings("unchecked")
  private static <T extends Message> T as(Message proto, T defaultInstance) {
    if (defaultInstance.getClass().isInstance(proto)) {
      return (T) proto;
    }
    try {
      return (T) defaultInstance.getParserForType().parseFrom(proto.toByteString());
    } catch (InvalidProtocolBufferException e) {
      throw new FeatureStoreException(
          ErrorCode.CORRUPT_REGISTRY,
          "registry object is not a valid " + defaultInstance.getDescriptorForType().getFullName(),
          e);
    }
  }
}
