package dev.featurestore.registry;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObjectKind;
import feast.proto.core.ProjectProto;
import feast.proto.core.RegistryProto.Registry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the registry stores need to know about Feast's object protos: which message each kind is,
 * where its name and project live, and the project bookkeeping both of Feast's registries keep.
 *
 * <p>The message types are taken from the repeated fields of {@code feast.core.Registry}
 * (protos/feast/core/Registry.proto), so this is the one place that ties kinds to protos. Every
 * object proto carries its name and project either in its {@code spec} (Entity, FeatureView, ...)
 * or at top level (DataSource fields 20/21, ValidationReference fields 1/3); a Project's project is
 * its own name.
 */
public final class RegistryProtos {

  private static final Map<RegistryObjectKind, FieldDescriptor> REGISTRY_FIELDS =
      new EnumMap<>(RegistryObjectKind.class);

  static {
    REGISTRY_FIELDS.put(RegistryObjectKind.PROJECT, registryField("projects"));
    REGISTRY_FIELDS.put(RegistryObjectKind.DATA_SOURCE, registryField("data_sources"));
    REGISTRY_FIELDS.put(RegistryObjectKind.ENTITY, registryField("entities"));
    REGISTRY_FIELDS.put(RegistryObjectKind.FEATURE_VIEW, registryField("feature_views"));
    REGISTRY_FIELDS.put(RegistryObjectKind.STREAM_FEATURE_VIEW, registryField("stream_feature_views"));
    REGISTRY_FIELDS.put(
        RegistryObjectKind.ON_DEMAND_FEATURE_VIEW, registryField("on_demand_feature_views"));
    REGISTRY_FIELDS.put(RegistryObjectKind.LABEL_VIEW, registryField("label_views"));
    REGISTRY_FIELDS.put(RegistryObjectKind.FEATURE_SERVICE, registryField("feature_services"));
    REGISTRY_FIELDS.put(RegistryObjectKind.SAVED_DATASET, registryField("saved_datasets"));
    REGISTRY_FIELDS.put(
        RegistryObjectKind.VALIDATION_REFERENCE, registryField("validation_references"));
    REGISTRY_FIELDS.put(RegistryObjectKind.PERMISSION, registryField("permissions"));
  }

  private RegistryProtos() {}

  private static FieldDescriptor registryField(String name) {
    return requireNonNull(Registry.getDescriptor().findFieldByName(name), name);
  }

  /** The repeated field of {@code feast.core.Registry} that holds objects of {@code kind}. */
  public static FieldDescriptor registryField(RegistryObjectKind kind) {
    return REGISTRY_FIELDS.get(kind);
  }

  /** The Feast message type of {@code kind}, e.g. {@code feast.core.Entity}. */
  public static Descriptor descriptor(RegistryObjectKind kind) {
    return registryField(kind).getMessageType();
  }

  /** A builder of the generated class for {@code kind}. */
  public static Message.Builder newBuilder(RegistryObjectKind kind) {
    return Registry.newBuilder().newBuilderForField(registryField(kind));
  }

  /** Parses a stored payload of {@code kind} into its generated class. */
  public static Message parse(RegistryObjectKind kind, byte[] bytes)
      throws InvalidProtocolBufferException {
    return newBuilder(kind).mergeFrom(bytes).build();
  }

  /** The object's name: {@code spec.name}, or top-level {@code name}. */
  public static String name(Message proto) {
    return (String) holder(proto).getField(field(holder(proto), "name"));
  }

  /** The object's project: {@code spec.project} or top-level {@code project}; a Project's name. */
  public static String project(Message proto) {
    Message holder = holder(proto);
    FieldDescriptor project = holder.getDescriptorForType().findFieldByName("project");
    return project == null ? name(proto) : (String) holder.getField(project);
  }

  /** {@code proto} with its project field set (a Project is returned unchanged). */
  public static Message withProject(Message proto, String project) {
    FieldDescriptor spec = proto.getDescriptorForType().findFieldByName("spec");
    if (spec == null) {
      FieldDescriptor field = proto.getDescriptorForType().findFieldByName("project");
      return field == null ? proto : proto.toBuilder().setField(field, project).build();
    }
    Message specProto = (Message) proto.getField(spec);
    FieldDescriptor field = specProto.getDescriptorForType().findFieldByName("project");
    if (field == null) {
      return proto;
    }
    return proto.toBuilder().setField(spec, specProto.toBuilder().setField(field, project).build()).build();
  }

  /**
   * Checks one change against its project and returns the proto to store, with the project filled
   * in when the caller left it empty (as Feast's registries do on apply). A proto of the wrong
   * message type, or whose name or project disagrees with the change, is {@code INVALID_ARGUMENT}:
   * every store detects it while writing, so a bad change fails the whole apply.
   */
  public static Message checkedProto(String project, RegistryChange change) {
    Message proto = change.proto().orElseThrow();
    Descriptor expected = descriptor(change.kind());
    if (!proto.getDescriptorForType().getFullName().equals(expected.getFullName())) {
      throw invalid(change, "carries a " + proto.getDescriptorForType().getFullName()
          + " instead of a " + expected.getFullName());
    }
    if (!name(proto).equals(change.name())) {
      throw invalid(change, "carries a proto named '" + name(proto) + "'");
    }
    String own = project(proto);
    if (change.kind() == RegistryObjectKind.PROJECT ? !own.equals(project) : !own.isEmpty() && !own.equals(project)) {
      throw invalid(change, "belongs to project '" + own + "', not '" + project + "'");
    }
    return own.isEmpty() ? withProject(proto, project) : proto;
  }

  /** A delete may name any kind but the Project itself: removing a project is a teardown. */
  public static void checkDelete(RegistryChange change) {
    if (change.kind() == RegistryObjectKind.PROJECT) {
      throw invalid(change, "cannot be applied: remove a project with teardown");
    }
  }

  private static FeatureStoreException invalid(RegistryChange change, String problem) {
    return new FeatureStoreException(
        ErrorCode.INVALID_ARGUMENT,
        change.type() + " of " + change.kind().feastName() + " '" + change.name() + "' " + problem);
  }

  /**
   * The Project proto after an apply at {@code at}: the existing (or just applied) one with {@code
   * meta.last_updated_timestamp} set to {@code at} and {@code created_timestamp} kept (set if
   * missing), as Feast's SQL registry stamps a changed object; or a new one named {@code name}
   * created at {@code at}, what Feast's {@code Project(name=...)} writes on demand.
   */
  public static ProjectProto.Project touchProject(ProjectProto.Project existing, String name, Instant at) {
    Timestamp ts = timestamp(at);
    if (existing == null) {
      return ProjectProto.Project.newBuilder()
          .setSpec(ProjectProto.ProjectSpec.newBuilder().setName(name))
          .setMeta(ProjectProto.ProjectMeta.newBuilder().setCreatedTimestamp(ts).setLastUpdatedTimestamp(ts))
          .build();
    }
    ProjectProto.Project.Builder builder = existing.toBuilder();
    builder.getMetaBuilder().setLastUpdatedTimestamp(ts);
    if (!existing.getMeta().hasCreatedTimestamp()) {
      builder.getMetaBuilder().setCreatedTimestamp(ts);
    }
    return builder.build();
  }

  /**
   * A Project an apply carries, with the stored Project's {@code created_timestamp} when the new
   * one has none: a project is created once, however often its spec changes.
   */
  public static Message keepCreated(Message applied, ProjectProto.Project stored) {
    ProjectProto.Project project = (ProjectProto.Project) applied;
    if (stored == null || project.getMeta().hasCreatedTimestamp() || !stored.getMeta().hasCreatedTimestamp()) {
      return applied;
    }
    ProjectProto.Project.Builder builder = project.toBuilder();
    builder.getMetaBuilder().setCreatedTimestamp(stored.getMeta().getCreatedTimestamp());
    return builder.build();
  }

  public static Timestamp timestamp(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  public static Instant instant(Timestamp ts) {
    return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
  }

  private static Message holder(Message proto) {
    FieldDescriptor spec = proto.getDescriptorForType().findFieldByName("spec");
    return spec == null ? proto : (Message) proto.getField(spec);
  }

  private static FieldDescriptor field(Message message, String name) {
    FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
    if (field == null) {
      throw new IllegalArgumentException(message.getDescriptorForType().getFullName() + " has no field " + name);
    }
    return field;
  }
}
