package dev.featurestore.adminui.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.adminui.lineage.LineageDiagram.Box;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.FeatureService;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.FeatureViewProjection;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.ValueType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineageLayoutTest {

  private static final Field F = Field.of("f", new FeastType.Primitive(ValueType.INT64, "Int64"));
  private static final DataSource FILE = new DataSource("file_src", "ts", "", "", Map.of(), Metadata.EMPTY,
      new DataSource.FileOptions("x.parquet", "parquet", ""));
  private static final DataSource PUSH = new DataSource("push_src", "", "", "", Map.of(), Metadata.EMPTY,
      new DataSource.PushOptions(FILE));
  private static final DataSource OTHER = new DataSource("other_src", "ts", "", "", Map.of(), Metadata.EMPTY,
      new DataSource.FileOptions("y.parquet", "parquet", ""));

  private static RepoContents contents() {
    FeatureView pushed = view("pushed", FILE, Optional.of(PUSH));
    FeatureView plain = view("plain", OTHER, Optional.empty());
    FeatureService service = new FeatureService("svc",
        List.of(new FeatureViewProjection("pushed", "", List.of(F), Map.of())), Optional.empty(), Metadata.EMPTY);
    return new RepoContents(new Project("p", Metadata.EMPTY), List.of(), List.of(FILE, PUSH, OTHER),
        List.of(pushed, plain), List.of(), List.of(service), List.of());
  }

  private static FeatureView view(String name, DataSource batch, Optional<DataSource> stream) {
    return new FeatureView(name, List.of(), List.of(F), List.of(), Duration.ZERO, true, true, batch, stream, Metadata.EMPTY);
  }

  @Test
  void pushFedViewsHangOffTheirPushSource() {
    LineageGraph graph = LineageBuilder.build(contents());
    assertThat(graph.edges()).containsExactlyInAnyOrder(
        new LineageGraph.Edge("data-sources/file_src", "data-sources/push_src"),
        new LineageGraph.Edge("data-sources/push_src", "feature-views/pushed"),
        new LineageGraph.Edge("data-sources/other_src", "feature-views/plain"),
        new LineageGraph.Edge("feature-views/pushed", "feature-services/svc"));
  }

  @Test
  void columnsRunFromSourcesToServices() {
    LineageDiagram diagram = LineageLayout.layout(LineageBuilder.build(contents()), Optional.empty());
    assertThat(diagram.headers()).extracting(LineageDiagram.Header::title)
        .containsExactly("Batch sources", "Push, stream and request sources", "Feature and label views", "Feature services");
    int fileX = box(diagram, "file_src").x();
    assertThat(box(diagram, "push_src").x()).isGreaterThan(fileX);
    assertThat(box(diagram, "pushed").x()).isGreaterThan(box(diagram, "push_src").x());
    assertThat(box(diagram, "svc").x()).isGreaterThan(box(diagram, "pushed").x());
    assertThat(diagram.links()).hasSize(4).allSatisfy(l -> assertThat(l.path()).matches("M[0-9 C]+"));
    assertThat(diagram.width()).isGreaterThan(box(diagram, "svc").x());
  }

  @Test
  void neighbourhoodKeepsOnlyConnectedObjects() {
    LineageGraph graph = LineageBuilder.build(contents());
    LineageDiagram diagram = LineageLayout.layout(graph.neighbourhood("feature-views/pushed"), Optional.of("feature-views/pushed"));
    assertThat(diagram.boxes()).extracting(Box::name).containsExactlyInAnyOrder("file_src", "push_src", "pushed", "svc");
    assertThat(box(diagram, "pushed").focus()).isTrue();
    assertThat(box(diagram, "svc").focus()).isFalse();
  }

  private static Box box(LineageDiagram diagram, String name) {
    return diagram.boxes().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
  }
}
