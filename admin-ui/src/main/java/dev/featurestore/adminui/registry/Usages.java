package dev.featurestore.adminui.registry;

import dev.featurestore.adminui.web.ObjectKind;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureViewProjection;
import dev.featurestore.core.model.RepoContents;
import java.util.ArrayList;
import java.util.List;

/** Reverse references: which objects use a given object ("used by" on detail pages). */
final class Usages {

  /** A link target on a page. */
  record Ref(ObjectKind kind, String name) {}

  private Usages() {}

  static List<Ref> of(RepoContents contents, ObjectKind kind, String name) {
    List<Ref> refs = new ArrayList<>();
    switch (kind) {
      case ENTITY -> {
        contents.featureViews().stream().filter(v -> v.entities().contains(name))
            .forEach(v -> refs.add(new Ref(ObjectKind.FEATURE_VIEW, v.name())));
        contents.labelViews().stream().filter(v -> v.entities().contains(name))
            .forEach(v -> refs.add(new Ref(ObjectKind.LABEL_VIEW, v.name())));
      }
      case DATA_SOURCE -> {
        contents.dataSources().stream().filter(s -> s.batchSource().map(b -> b.name().equals(name)).orElse(false))
            .forEach(s -> refs.add(new Ref(ObjectKind.DATA_SOURCE, s.name())));
        contents.featureViews().stream()
            .filter(v -> v.batchSource().name().equals(name) || v.streamSource().map(s -> s.name().equals(name)).orElse(false))
            .forEach(v -> refs.add(new Ref(ObjectKind.FEATURE_VIEW, v.name())));
        contents.labelViews().stream().filter(v -> v.source().name().equals(name))
            .forEach(v -> refs.add(new Ref(ObjectKind.LABEL_VIEW, v.name())));
        contents.onDemandFeatureViews().stream()
            .filter(v -> v.requestSources().stream().map(DataSource::name).anyMatch(name::equals))
            .forEach(v -> refs.add(new Ref(ObjectKind.ON_DEMAND_FEATURE_VIEW, v.name())));
      }
      case FEATURE_VIEW, ON_DEMAND_FEATURE_VIEW -> {
        contents.onDemandFeatureViews().stream().filter(v -> reads(v.featureViewSources(), name))
            .forEach(v -> refs.add(new Ref(ObjectKind.ON_DEMAND_FEATURE_VIEW, v.name())));
        contents.featureServices().stream().filter(s -> reads(s.features(), name))
            .forEach(s -> refs.add(new Ref(ObjectKind.FEATURE_SERVICE, s.name())));
      }
      default -> {
        // Services, label views and projects are not referenced by other objects.
      }
    }
    return refs;
  }

  private static boolean reads(List<FeatureViewProjection> projections, String view) {
    return projections.stream().anyMatch(p -> p.featureViewName().equals(view));
  }
}
