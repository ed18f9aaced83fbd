package dev.featurestore.adminui.lineage;

import dev.featurestore.adminui.web.ConsoleRegistry;
import dev.featurestore.adminui.web.ObjectKind;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Lineage diagrams: the whole project, or one object with everything up- and downstream of it. */
@Controller
class LineageController {

  private final ConsoleRegistry registry;

  LineageController(ConsoleRegistry registry) {
    this.registry = registry;
  }

  @GetMapping("/lineage")
  String project(Model model) {
    LineageGraph graph = LineageBuilder.build(registry.snapshot().contents());
    model.addAttribute("diagram", LineageLayout.layout(graph, Optional.empty()));
    model.addAttribute("active", "lineage");
    return "lineage/lineage";
  }

  @GetMapping("/lineage/{kind}/{name}")
  String object(@PathVariable("kind") String slug, @PathVariable("name") String name, Model model) {
    ObjectKind kind =
        ObjectKind.fromSlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such kind"));
    LineageGraph graph = LineageBuilder.build(registry.snapshot().contents());
    String id = kind.slug() + "/" + name;
    if (!graph.nodes().containsKey(id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, kind.label() + " not in the lineage graph");
    }
    model.addAttribute("diagram", LineageLayout.layout(graph.neighbourhood(id), Optional.of(id)));
    model.addAttribute("kind", kind);
    model.addAttribute("name", name);
    model.addAttribute("active", "lineage");
    return "lineage/lineage";
  }
}
