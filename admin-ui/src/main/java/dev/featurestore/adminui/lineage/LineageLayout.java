package dev.featurestore.adminui.lineage;

import dev.featurestore.adminui.lineage.LineageDiagram.Box;
import dev.featurestore.adminui.lineage.LineageDiagram.Header;
import dev.featurestore.adminui.lineage.LineageDiagram.Link;
import dev.featurestore.adminui.lineage.LineageGraph.Edge;
import dev.featurestore.adminui.lineage.LineageGraph.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Places the graph in columns (one per {@link LineageColumn} that has nodes) and orders each
 * column by the average row of its neighbours (a few barycentre sweeps), which keeps most edges
 * short and uncrossed for registry-sized graphs.
 */
final class LineageLayout {

  static final int NODE_WIDTH = 210;
  static final int NODE_HEIGHT = 34;
  static final int COLUMN_PITCH = 270;
  static final int ROW_PITCH = 48;
  static final int TOP = 44;
  static final int MARGIN = 16;
  static final int MAX_LABEL = 26;
  private static final int SWEEPS = 3;

  private LineageLayout() {}

  static LineageDiagram layout(LineageGraph graph, Optional<String> focus) {
    List<List<Node>> columns = columns(graph);
    order(graph, columns);
    int maxRows = columns.stream().mapToInt(List::size).max().orElse(0);
    Map<String, Box> boxes = new HashMap<>();
    List<Header> headers = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      List<Node> column = columns.get(c);
      int x = MARGIN + c * COLUMN_PITCH;
      headers.add(new Header(column.get(0).column().title(), x, TOP - 18));
      int offset = (maxRows - column.size()) * ROW_PITCH / 2;
      for (int r = 0; r < column.size(); r++) {
        Node node = column.get(r);
        boxes.put(node.id(), new Box(node.kind(), node.name(), label(node.name()), x, TOP + offset + r * ROW_PITCH,
            NODE_WIDTH, NODE_HEIGHT, focus.map(node.id()::equals).orElse(false)));
      }
    }
    List<Link> links = graph.edges().stream()
        .sorted(Comparator.comparing(Edge::from).thenComparing(Edge::to))
        .map(e -> link(boxes.get(e.from()), boxes.get(e.to())))
        .toList();
    int width = MARGIN * 2 + Math.max(0, columns.size() - 1) * COLUMN_PITCH + NODE_WIDTH;
    int height = TOP + maxRows * ROW_PITCH + MARGIN;
    List<Box> ordered = columns.stream().flatMap(List::stream).map(n -> boxes.get(n.id())).toList();
    return new LineageDiagram(width, height, headers, ordered, links);
  }

  private static List<List<Node>> columns(LineageGraph graph) {
    Map<LineageColumn, List<Node>> byColumn = new EnumMap<>(LineageColumn.class);
    graph.nodes().values().stream()
        .sorted(Comparator.comparing(Node::name))
        .forEach(n -> byColumn.computeIfAbsent(n.column(), k -> new ArrayList<>()).add(n));
    return new ArrayList<>(byColumn.values());
  }

  private static void order(LineageGraph graph, List<List<Node>> columns) {
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      for (int c = 1; c < columns.size(); c++) {
        Map<String, Integer> rows = rows(columns);
        sortBy(columns.get(c), n -> mean(graph.predecessors(n.id()), rows));
      }
      for (int c = columns.size() - 2; c >= 0; c--) {
        Map<String, Integer> rows = rows(columns);
        sortBy(columns.get(c), n -> mean(graph.successors(n.id()), rows));
      }
    }
  }

  private static void sortBy(List<Node> column, java.util.function.Function<Node, Double> key) {
    Map<String, Double> keys = new HashMap<>();
    for (int i = 0; i < column.size(); i++) {
      Double k = key.apply(column.get(i));
      keys.put(column.get(i).id(), k.isNaN() ? i : k);
    }
    column.sort(Comparator.comparing((Node n) -> keys.get(n.id())).thenComparing(Node::name));
  }

  private static double mean(List<String> ids, Map<String, Integer> rows) {
    return ids.stream().filter(rows::containsKey).mapToInt(rows::get).average().orElse(Double.NaN);
  }

  private static Map<String, Integer> rows(List<List<Node>> columns) {
    Map<String, Integer> rows = new HashMap<>();
    for (List<Node> column : columns) {
      for (int r = 0; r < column.size(); r++) {
        rows.put(column.get(r).id(), r);
      }
    }
    return rows;
  }

  private static Link link(Box from, Box to) {
    int x1 = from.x() + from.width();
    int y1 = from.y() + from.height() / 2;
    int y2 = to.y() + to.height() / 2;
    if (to.x() <= from.x()) {
      // Same column (an on-demand view reading another): loop out to the right and back.
      int bulge = x1 + 50;
      return new Link("M" + x1 + " " + y1 + " C" + bulge + " " + y1 + " " + bulge + " " + y2 + " " + x1 + " " + y2);
    }
    int x2 = to.x();
    int mid = (x1 + x2) / 2;
    return new Link("M" + x1 + " " + y1 + " C" + mid + " " + y1 + " " + mid + " " + y2 + " " + x2 + " " + y2);
  }

  private static String label(String name) {
    return name.length() <= MAX_LABEL ? name : name.substring(0, MAX_LABEL - 1) + "…";
  }
}
