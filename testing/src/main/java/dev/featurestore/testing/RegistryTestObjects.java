package dev.featurestore.testing;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObjectKind;
import feast.proto.core.RegistryProto.Registry;
import java.util.Map;
import java.util.Optional;

/**
 * Minimal valid protos of every registry kind for store tests: name and project set where Feast
 * keeps them ({@code spec} or top level), plus a {@code variant} string (in {@code description},
 * or a {@code variant} tag where there is no description) so an update is a visible change.
 */
public final class RegistryTestObjects {

  private static final Map<RegistryObjectKind, String> REGISTRY_FIELDS = Map.ofEntries(
      Map.entry(RegistryObjectKind.PROJECT, "projects"),
      Map.entry(RegistryObjectKind.DATA_SOURCE, "data_sources"),
      Map.entry(RegistryObjectKind.ENTITY, "entities"),
      Map.entry(RegistryObjectKind.FEATURE_VIEW, "feature_views"),
      Map.entry(RegistryObjectKind.STREAM_FEATURE_VIEW, "stream_feature_views"),
      Map.entry(RegistryObjectKind.ON_DEMAND_FEATURE_VIEW, "on_demand_feature_views"),
      Map.entry(RegistryObjectKind.LABEL_VIEW, "label_views"),
      Map.entry(RegistryObjectKind.FEATURE_SERVICE, "feature_services"),
      Map.entry(RegistryObjectKind.SAVED_DATASET, "saved_datasets"),
      Map.entry(RegistryObjectKind.VALIDATION_REFERENCE, "validation_references"),
      Map.entry(RegistryObjectKind.PERMISSION, "permissions"));

  private RegistryTestObjects() {}

  /** A new builder of the generated class Feast uses for {@code kind}. */
  public static Message.Builder builder(RegistryObjectKind kind) {
    FieldDescriptor field = Registry.getDescriptor().findFieldByName(REGISTRY_FIELDS.get(kind));
    return Registry.newBuilder().newBuilderForField(field);
  }

  public static Message proto(RegistryObjectKind kind, String project, String name, String variant) {
    Message.Builder builder = builder(kind);
    FieldDescriptor specField = builder.getDescriptorForType().findFieldByName("spec");
    Message.Builder holder = specField == null ? builder : builder.getFieldBuilder(specField);
    holder.setField(holder.getDescriptorForType().findFieldByName("name"), kind == RegistryObjectKind.PROJECT ? project : name);
    FieldDescriptor projectField = holder.getDescriptorForType().findFieldByName("project");
    if (projectField != null) {
      holder.setField(projectField, project);
    }
    FieldDescriptor description = holder.getDescriptorForType().findFieldByName("description");
    if (description != null) {
      holder.setField(description, variant);
    } else {
      FieldDescriptor tags = holder.getDescriptorForType().findFieldByName("tags");
      Message.Builder entry = holder.newBuilderForField(tags);
      entry.setField(entry.getDescriptorForType().findFieldByName("key"), "variant");
      entry.setField(entry.getDescriptorForType().findFieldByName("value"), variant);
      holder.addRepeatedField(tags, entry.build());
    }
    return builder.build();
  }

  public static RegistryChange create(RegistryObjectKind kind, String project, String name, String variant) {
    return change(RegistryChange.Type.CREATE, kind, project, name, variant);
  }

  public static RegistryChange update(RegistryObjectKind kind, String project, String name, String variant) {
    return change(RegistryChange.Type.UPDATE, kind, project, name, variant);
  }

  public static RegistryChange delete(RegistryObjectKind kind, String name) {
    return new RegistryChange(RegistryChange.Type.DELETE, kind, name, Optional.empty(), "deleted " + name);
  }

  private static RegistryChange change(
      RegistryChange.Type type, RegistryObjectKind kind, String project, String name, String variant) {
    return new RegistryChange(
        type, kind, name, Optional.of(proto(kind, project, name, variant)), type + " " + name + " (" + variant + ")");
  }
}
