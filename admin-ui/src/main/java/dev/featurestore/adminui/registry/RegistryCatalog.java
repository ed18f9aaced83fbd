package dev.featurestore.adminui.registry;

import dev.featurestore.adminui.web.Formats;
import dev.featurestore.adminui.web.ObjectKind;
import dev.featurestore.core.model.RepoContents;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Lists and finds the objects of a project by console kind. */
final class RegistryCatalog {

  private static final Formats FORMATS = new Formats();

  private RegistryCatalog() {}

  /** The objects of one kind, sorted by name. */
  static List<ObjectSummary> list(RepoContents contents, ObjectKind kind) {
    List<ObjectSummary> rows = new ArrayList<>();
    switch (kind) {
      case PROJECT -> rows.add(new ObjectSummary(kind, contents.project().name(), contents.project().metadata(), "", ""));
      case ENTITY -> contents.entities().forEach(e -> rows.add(new ObjectSummary(
          kind, e.name(), e.metadata(), "join key " + e.joinKey(), "")));
      case DATA_SOURCE -> contents.dataSources().forEach(s -> rows.add(new ObjectSummary(
          kind, s.name(), s.metadata(), s.kindName(), "")));
      case FEATURE_VIEW -> contents.featureViews().forEach(v -> rows.add(new ObjectSummary(
          kind, v.name(), v.metadata(),
          v.features().size() + " features, TTL " + FORMATS.ttl(v.ttl()) + (v.online() ? ", online" : "")
              + v.stream().map(s -> ", stream feature view, " + s.aggregations().size() + " aggregations").orElse(""),
          "")));
      case ON_DEMAND_FEATURE_VIEW -> contents.onDemandFeatureViews().forEach(v -> rows.add(new ObjectSummary(
          kind, v.name(), v.metadata(), v.features().size() + " features, mode " + v.mode(), "")));
      case LABEL_VIEW -> contents.labelViews().forEach(v -> rows.add(new ObjectSummary(
          kind, v.name(), v.metadata(), v.features().size() + " labels, " + v.conflictPolicy(), "")));
      case FEATURE_SERVICE -> contents.featureServices().forEach(s -> rows.add(new ObjectSummary(
          kind, s.name(), s.metadata(),
          s.features().stream().mapToInt(p -> p.features().size()).sum() + " features from "
              + s.features().size() + " views", "")));
    }
    rows.sort(Comparator.comparing(ObjectSummary::name));
    return rows;
  }

  /** Every object of the project, for search. */
  static List<ObjectSummary> all(RepoContents contents) {
    List<ObjectSummary> rows = new ArrayList<>();
    for (ObjectKind kind : ObjectKind.values()) {
      rows.addAll(list(contents, kind));
    }
    return rows;
  }

  /** The model record of an object, or empty if the project has none of that name. */
  static Optional<?> find(RepoContents contents, ObjectKind kind, String name) {
    return switch (kind) {
      case PROJECT -> contents.project().name().equals(name) ? Optional.of(contents.project()) : Optional.empty();
      case ENTITY -> contents.entity(name);
      case DATA_SOURCE -> contents.dataSource(name);
      case FEATURE_VIEW -> contents.featureView(name);
      case ON_DEMAND_FEATURE_VIEW -> contents.onDemandFeatureView(name);
      case LABEL_VIEW -> contents.labelViews().stream().filter(v -> v.name().equals(name)).findFirst();
      case FEATURE_SERVICE -> contents.featureService(name);
    };
  }
}
