package dev.featurestore.registry.file;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.registry.RegistryProtos;
import feast.proto.core.ProjectProto;
import feast.proto.core.RegistryProto.ProjectMetadata;
import feast.proto.core.RegistryProto.Registry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Edits one project's objects inside a {@code feast.core.Registry} that holds every project, the
 * way Feast's {@code infra/registry/registry.py} does: objects are matched by name and {@code
 * spec.project}; a new project gets a {@code projects} entry and a {@code project_metadata} entry
 * with a random {@code project_uuid}; each write sets {@code registry_schema_version} "1", a fresh
 * {@code version_id} and {@code last_updated}.
 */
final class RegistryProtoEditor {

  /** Feast's {@code REGISTRY_SCHEMA_VERSION} in registry.py. */
  static final String REGISTRY_SCHEMA_VERSION = "1";

  private static final Set<RegistryObjectKind> VERSIONED_KINDS = EnumSet.of(
      RegistryObjectKind.FEATURE_VIEW,
      RegistryObjectKind.STREAM_FEATURE_VIEW,
      RegistryObjectKind.ON_DEMAND_FEATURE_VIEW,
      RegistryObjectKind.LABEL_VIEW);

  private final Registry.Builder registry;

  RegistryProtoEditor(Registry registry) {
    this.registry = requireNonNull(registry, "registry is null").toBuilder();
  }

  /** Every object of {@code project} in {@code registry}, in kind order then by name. */
  static List<RegistryObject> objects(Registry registry, String project) {
    List<RegistryObject> objects = new ArrayList<>();
    for (RegistryObjectKind kind : RegistryObjectKind.values()) {
      for (Object element : (List<?>) registry.getField(RegistryProtos.registryField(kind))) {
        Message proto = (Message) element;
        if (RegistryProtos.project(proto).equals(project)) {
          objects.add(new RegistryObject(kind, RegistryProtos.name(proto), proto));
        }
      }
    }
    objects.sort(Comparator.comparing((RegistryObject o) -> o.kind()).thenComparing(RegistryObject::name));
    return objects;
  }

  /** Every project named in {@code registry}: projects, project metadata, or objects. */
  static Set<String> projects(Registry registry) {
    Set<String> names = new TreeSet<>();
    registry.getProjectMetadataList().forEach(m -> names.add(m.getProject()));
    for (RegistryObjectKind kind : RegistryObjectKind.values()) {
      for (Object element : (List<?>) registry.getField(RegistryProtos.registryField(kind))) {
        names.add(RegistryProtos.project((Message) element));
      }
    }
    names.remove("");
    return names;
  }

  static ProjectProto.Project findProject(Registry registry, String project) {
    return registry.getProjectsList().stream()
        .filter(p -> p.getSpec().getName().equals(project))
        .findFirst()
        .orElse(null);
  }

  /** Replaces the object with the same kind, name and project, or appends it. */
  void upsert(RegistryObjectKind kind, String project, Message proto) {
    if (kind == RegistryObjectKind.PROJECT) {
      proto = RegistryProtos.keepCreated(proto, findProject(registry.build(), project));
    }
    FieldDescriptor field = RegistryProtos.registryField(kind);
    List<Message> elements = elements(field);
    String name = RegistryProtos.name(proto);
    int index = indexOf(elements, name, project);
    if (index >= 0) {
      elements.set(index, proto);
    } else {
      elements.add(proto);
    }
    registry.setField(field, elements);
  }

  /** Removes the object if present; deleting a view also drops its version history, as Feast does. */
  boolean delete(RegistryObjectKind kind, String project, String name) {
    FieldDescriptor field = RegistryProtos.registryField(kind);
    List<Message> elements = elements(field);
    int index = indexOf(elements, name, project);
    if (index < 0) {
      return false;
    }
    elements.remove(index);
    registry.setField(field, elements);
    if (VERSIONED_KINDS.contains(kind)) {
      registry.getFeatureViewVersionHistoryBuilder().clearRecords().addAllRecords(
          registry.getFeatureViewVersionHistory().getRecordsList().stream()
              .filter(r -> !(r.getProjectId().equals(project) && r.getFeatureViewName().equals(name)))
              .toList());
    }
    if (kind == RegistryObjectKind.PROJECT) {
      removeProjectMetadata(project);
    }
    return true;
  }

  /** Creates the project's bookkeeping if missing and sets its Project's last-updated time. */
  void touchProject(String project, Instant at, boolean purgeFeastMetadata) {
    ProjectProto.Project existing = findProject(registry.build(), project);
    upsert(RegistryObjectKind.PROJECT, project, RegistryProtos.touchProject(existing, project, at));
    boolean hasMetadata = registry.getProjectMetadataList().stream().anyMatch(m -> m.getProject().equals(project));
    if (!hasMetadata && !purgeFeastMetadata) {
      registry.addProjectMetadata(
          ProjectMetadata.newBuilder().setProject(project).setProjectUuid(UUID.randomUUID().toString()));
    }
  }

  /** Removes every object, the Project, its metadata and version history; returns what was removed. */
  List<RegistryObject> removeProject(String project) {
    List<RegistryObject> removed = objects(registry.build(), project);
    for (RegistryObject object : removed) {
      delete(object.kind(), project, object.name());
    }
    removeProjectMetadata(project);
    registry.getFeatureViewVersionHistoryBuilder().clearRecords().addAllRecords(
        registry.getFeatureViewVersionHistory().getRecordsList().stream()
            .filter(r -> !r.getProjectId().equals(project))
            .toList());
    return removed;
  }

  /** The edited registry, stamped as Feast stamps every write. */
  Registry build(Instant at) {
    if (registry.getRegistrySchemaVersion().isEmpty()) {
      registry.setRegistrySchemaVersion(REGISTRY_SCHEMA_VERSION);
    }
    if (!registry.hasFeatureViewVersionHistory()
        || registry.getFeatureViewVersionHistory().getRecordsCount() == 0) {
      registry.clearFeatureViewVersionHistory();
    }
    return registry
        .setVersionId(UUID.randomUUID().toString())
        .setLastUpdated(RegistryProtos.timestamp(at))
        .build();
  }

  private void removeProjectMetadata(String project) {
    List<ProjectMetadata> kept = registry.getProjectMetadataList().stream()
        .filter(m -> !m.getProject().equals(project))
        .toList();
    registry.clearProjectMetadata().addAllProjectMetadata(kept);
  }

  @SuppressWarnings("unchecked")
  private List<Message> elements(FieldDescriptor field) {
    return new ArrayList<>((List<Message>) registry.getField(field));
  }

  private static int indexOf(List<Message> elements, String name, String project) {
    for (int i = 0; i < elements.size(); i++) {
      Message element = elements.get(i);
      if (RegistryProtos.name(element).equals(name) && RegistryProtos.project(element).equals(project)) {
        return i;
      }
    }
    return -1;
  }
}
