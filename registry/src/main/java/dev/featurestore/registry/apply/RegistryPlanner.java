package dev.featurestore.registry.apply;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.featurestore.core.proto.RegistryProtoMapper;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes what an apply changes, as Feast's {@code diff/registry_diff.py} does: objects are
 * matched by kind and name; an existing object is updated when any field of its spec (the whole
 * proto for data sources) other than {@code project} differs; objects of the kinds a repository
 * owns are deleted when the repository no longer defines them.
 *
 * <p>Works on protos by reflection, so it needs no per-kind code.
 */
public final class RegistryPlanner {

  /**
   * Kinds whose registry contents mirror the repository. Permissions, saved datasets and
   * validation references are created by other tools and never deleted by an apply, since this
   * project's parser does not read them from repositories.
   */
  private static final Set<RegistryObjectKind> OWNED_BY_REPOSITORY =
      EnumSet.of(
          RegistryObjectKind.DATA_SOURCE,
          RegistryObjectKind.ENTITY,
          RegistryObjectKind.FEATURE_VIEW,
          RegistryObjectKind.STREAM_FEATURE_VIEW,
          RegistryObjectKind.ON_DEMAND_FEATURE_VIEW,
          RegistryObjectKind.LABEL_VIEW,
          RegistryObjectKind.FEATURE_SERVICE);

  /**
   * Plans the change from {@code current} to {@code desired}.
   *
   * @param desired every object the repository defines, protos without meta
   * @param now the time stamped into created and updated objects' meta
   */
  public RegistryPlan plan(
      String project, List<RegistryObject> desired, RegistryState current, Instant now) {
    requireNonNull(project, "project is null");
    List<ObjectDiff> diffs = new ArrayList<>();
    List<RegistryChange> changes = new ArrayList<>();
    for (RegistryObjectKind kind : RegistryObjectKind.values()) {
      Set<String> declared = new HashSet<>();
      List<RegistryObject> ofKind =
          desired.stream()
              .filter(o -> o.kind() == kind)
              .sorted(Comparator.comparing(RegistryObject::name))
              .toList();
      for (RegistryObject object : ofKind) {
        declared.add(object.name());
        Optional<RegistryObject> existing = current.find(kind, object.name());
        if (existing.isEmpty()) {
          diffs.add(new ObjectDiff(kind, object.name(), ObjectDiff.Transition.CREATE, List.of()));
          Message proto = RegistryProtoMapper.withMeta(object.proto(), now, now);
          changes.add(change(RegistryChange.Type.CREATE, object, proto, "created"));
          continue;
        }
        List<PropertyDiff> properties =
            ProtoFields.specDiff(existing.get().proto(), object.proto());
        if (properties.isEmpty()) {
          diffs.add(new ObjectDiff(kind, object.name(), ObjectDiff.Transition.UNCHANGED, List.of()));
          continue;
        }
        diffs.add(new ObjectDiff(kind, object.name(), ObjectDiff.Transition.UPDATE, properties));
        // Meta is rebuilt from scratch but for the creation time: like Feast, a changed view
        // loses its materialized intervals, so the new definition is materialized again.
        Instant created = RegistryProtoMapper.createdTimestamp(existing.get().proto()).orElse(now);
        Message proto = RegistryProtoMapper.withMeta(object.proto(), created, now);
        changes.add(change(RegistryChange.Type.UPDATE, object, proto, summary(properties)));
      }
      if (OWNED_BY_REPOSITORY.contains(kind)) {
        for (RegistryObject stale : current.objects(kind)) {
          if (!declared.contains(stale.name())) {
            diffs.add(new ObjectDiff(kind, stale.name(), ObjectDiff.Transition.DELETE, List.of()));
            changes.add(
                new RegistryChange(
                    RegistryChange.Type.DELETE, kind, stale.name(), Optional.empty(), "deleted"));
          }
        }
      }
    }
    return new RegistryPlan(project, diffs, changes);
  }

  private static RegistryChange change(
      RegistryChange.Type type, RegistryObject object, Message proto, String summary) {
    return new RegistryChange(type, object.kind(), object.name(), Optional.of(proto), summary);
  }

  private static String summary(List<PropertyDiff> properties) {
    StringBuilder text = new StringBuilder();
    for (PropertyDiff property : properties) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append(property);
    }
    // History rows keep a readable summary, not whole protos.
    return text.length() > 2000 ? text.substring(0, 2000) + "..." : text.toString();
  }
}
