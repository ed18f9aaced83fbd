package dev.featurestore.adminui.lineage;

import static java.util.Objects.requireNonNull;

import dev.featurestore.adminui.web.ObjectKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Which objects feed which: data sources to views to services. Immutable. */
final class LineageGraph {

  record Node(ObjectKind kind, String name, LineageColumn column) {
    Node {
      requireNonNull(kind, "kind is null");
      requireNonNull(name, "name is null");
      requireNonNull(column, "column is null");
    }

    String id() {
      return kind.slug() + "/" + name;
    }
  }

  /** {@code from} feeds {@code to}; ids as {@link Node#id()}. */
  record Edge(String from, String to) {}

  private final Map<String, Node> nodes;
  private final Set<Edge> edges;

  LineageGraph(Map<String, Node> nodes, Set<Edge> edges) {
    this.nodes = Map.copyOf(nodes);
    this.edges = Set.copyOf(edges);
  }

  Map<String, Node> nodes() {
    return nodes;
  }

  Set<Edge> edges() {
    return edges;
  }

  /** The node, everything upstream of it and everything downstream of it. */
  LineageGraph neighbourhood(String id) {
    Set<String> keep = new HashSet<>();
    keep.add(id);
    keep.addAll(reachable(id, Edge::to, Edge::from));
    keep.addAll(reachable(id, Edge::from, Edge::to));
    Map<String, Node> kept = new LinkedHashMap<>();
    nodes.forEach((key, node) -> {
      if (keep.contains(key)) {
        kept.put(key, node);
      }
    });
    Set<Edge> keptEdges = new LinkedHashSet<>();
    edges.stream().filter(e -> keep.contains(e.from()) && keep.contains(e.to())).forEach(keptEdges::add);
    return new LineageGraph(kept, keptEdges);
  }

  List<String> predecessors(String id) {
    return edges.stream().filter(e -> e.to().equals(id)).map(Edge::from).toList();
  }

  List<String> successors(String id) {
    return edges.stream().filter(e -> e.from().equals(id)).map(Edge::to).toList();
  }

  // Walks edges from `start`, entering by `near` and leaving by `far`.
  private Set<String> reachable(String start, Function<Edge, String> near, Function<Edge, String> far) {
    Set<String> seen = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      String current = queue.poll();
      for (Edge edge : edges) {
        if (near.apply(edge).equals(current) && seen.add(far.apply(edge))) {
          queue.add(far.apply(edge));
        }
      }
    }
    return seen;
  }
}
