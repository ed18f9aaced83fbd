package dev.featurestore.registry.apply;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObjectKind;
import java.util.Comparator;
import java.util.List;

/**
 * The difference between a repository and a registry project: per-object diffs for people and the
 * change list a {@link dev.featurestore.core.registry.RegistryStore} applies.
 */
public record RegistryPlan(String project, List<ObjectDiff> diffs, List<RegistryChange> changes) {

  /** Feast's name of the dummy entity of entityless views, which Feast never prints. */
  static final String DUMMY_ENTITY_NAME = "__dummy";

  /**
   * Feast's {@code FeastObjectType} order, in which {@code feast plan} lists objects: on-demand
   * views come before stream feature views (our {@link RegistryObjectKind} has them the other way).
   */
  private static final List<RegistryObjectKind> FEAST_ORDER =
      List.of(
          RegistryObjectKind.PROJECT,
          RegistryObjectKind.DATA_SOURCE,
          RegistryObjectKind.ENTITY,
          RegistryObjectKind.FEATURE_VIEW,
          RegistryObjectKind.ON_DEMAND_FEATURE_VIEW,
          RegistryObjectKind.STREAM_FEATURE_VIEW,
          RegistryObjectKind.LABEL_VIEW,
          RegistryObjectKind.FEATURE_SERVICE,
          RegistryObjectKind.PERMISSION,
          RegistryObjectKind.SAVED_DATASET,
          RegistryObjectKind.VALIDATION_REFERENCE);

  public RegistryPlan {
    requireNonNull(project, "project is null");
    diffs = List.copyOf(diffs);
    changes = List.copyOf(changes);
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  /** The objects this plan touches in the given way. */
  public List<ObjectDiff> diffs(ObjectDiff.Transition transition) {
    return diffs.stream().filter(d -> d.transition() == transition).toList();
  }

  /**
   * The plan as {@code feast plan} prints it: "Created entity driver", updates followed by one
   * tab-indented line per changed property, "No changes to registry" when nothing changes. Like
   * Feast, data sources and the dummy entity are not listed (they still change), and kinds come in
   * Feast's order ("stream feature view" after "on demand feature view").
   */
  public String toFeastString() {
    StringBuilder out = new StringBuilder();
    List<ObjectDiff> inFeastOrder =
        diffs.stream().sorted(Comparator.comparingInt(d -> FEAST_ORDER.indexOf(d.kind()))).toList();
    for (ObjectDiff diff : inFeastOrder) {
      if (diff.transition() == ObjectDiff.Transition.UNCHANGED
          || diff.kind() == RegistryObjectKind.DATA_SOURCE
          || diff.name().equals(DUMMY_ENTITY_NAME)) {
        continue;
      }
      out.append(diff.transition().verb())
          .append(' ')
          .append(displayName(diff.kind()))
          .append(' ')
          .append(diff.name())
          .append('\n');
      for (PropertyDiff property : diff.properties()) {
        out.append('\t').append(property).append('\n');
      }
    }
    return out.isEmpty() ? "No changes to registry\n" : out.toString();
  }

  /** Feast's {@code FeastObjectType} values ("feature view", "on demand feature view"...). */
  static String displayName(RegistryObjectKind kind) {
    return switch (kind) {
      case PROJECT -> "project";
      case DATA_SOURCE -> "data source";
      case ENTITY -> "entity";
      case FEATURE_VIEW -> "feature view";
      case STREAM_FEATURE_VIEW -> "stream feature view";
      case ON_DEMAND_FEATURE_VIEW -> "on demand feature view";
      case LABEL_VIEW -> "label view";
      case FEATURE_SERVICE -> "feature service";
      case SAVED_DATASET -> "saved dataset";
      case VALIDATION_REFERENCE -> "validation reference";
      case PERMISSION -> "permission";
    };
  }
}
