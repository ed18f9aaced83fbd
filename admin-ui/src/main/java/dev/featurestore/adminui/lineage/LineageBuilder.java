package dev.featurestore.adminui.lineage;

import dev.featurestore.adminui.lineage.LineageGraph.Edge;
import dev.featurestore.adminui.lineage.LineageGraph.Node;
import dev.featurestore.adminui.web.ObjectKind;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureService;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.FeatureViewProjection;
import dev.featurestore.core.model.LabelView;
import dev.featurestore.core.model.OnDemandFeatureView;
import dev.featurestore.core.model.RepoContents;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Builds the lineage graph of a project from its model. */
final class LineageBuilder {

  private final RepoContents contents;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Set<Edge> edges = new LinkedHashSet<>();

  private LineageBuilder(RepoContents contents) {
    this.contents = contents;
  }

  static LineageGraph build(RepoContents contents) {
    return new LineageBuilder(contents).build();
  }

  private LineageGraph build() {
    contents.dataSources().forEach(this::source);
    for (FeatureView view : contents.featureViews()) {
      String id = add(ObjectKind.FEATURE_VIEW, view.name(), LineageColumn.VIEWS);
      // A push-fed view reads its batch source through the push source, which already links them.
      edge(source(view.streamSource().orElse(view.batchSource())), id);
    }
    for (LabelView view : contents.labelViews()) {
      edge(source(view.source()), add(ObjectKind.LABEL_VIEW, view.name(), LineageColumn.VIEWS));
    }
    for (OnDemandFeatureView view : contents.onDemandFeatureViews()) {
      String id = add(ObjectKind.ON_DEMAND_FEATURE_VIEW, view.name(), LineageColumn.ON_DEMAND_VIEWS);
      view.featureViewSources().forEach(p -> edge(viewId(p), id));
      view.requestSources().forEach(s -> edge(source(s), id));
    }
    for (FeatureService service : contents.featureServices()) {
      String id = add(ObjectKind.FEATURE_SERVICE, service.name(), LineageColumn.SERVICES);
      service.features().forEach(p -> edge(viewId(p), id));
    }
    return new LineageGraph(nodes, edges);
  }

  private String source(DataSource source) {
    boolean batch = source.batchSource().isEmpty() && !(source.options() instanceof DataSource.RequestOptions);
    String id = add(ObjectKind.DATA_SOURCE, source.name(), batch ? LineageColumn.BATCH_SOURCES : LineageColumn.OTHER_SOURCES);
    source.batchSource().ifPresent(b -> edge(source(b), id));
    return id;
  }

  // A projection names a feature view, an on-demand view or a label view; unknown names still
  // get a node so a dangling reference shows rather than vanishes.
  private String viewId(FeatureViewProjection projection) {
    String name = projection.featureViewName();
    if (contents.onDemandFeatureView(name).isPresent()) {
      return add(ObjectKind.ON_DEMAND_FEATURE_VIEW, name, LineageColumn.ON_DEMAND_VIEWS);
    }
    if (contents.labelViews().stream().anyMatch(v -> v.name().equals(name))) {
      return add(ObjectKind.LABEL_VIEW, name, LineageColumn.VIEWS);
    }
    return add(ObjectKind.FEATURE_VIEW, name, LineageColumn.VIEWS);
  }

  private String add(ObjectKind kind, String name, LineageColumn column) {
    Node node = new Node(kind, name, column);
    nodes.putIfAbsent(node.id(), node);
    return node.id();
  }

  private void edge(String from, String to) {
    if (!from.equals(to)) {
      edges.add(new Edge(from, to));
    }
  }
}
