package dev.featurestore.adminui.registry;

import dev.featurestore.adminui.web.Blocking;
import dev.featurestore.adminui.web.ConsoleRegistry;
import dev.featurestore.adminui.web.ObjectKind;
import dev.featurestore.adminui.web.RegistrySnapshot;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.RepoContents;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** The registry browser: per-kind lists, object pages with their apply history, and search. */
@Controller
class RegistryController {

  static final int RECENT_CHANGES = 20;
  static final int OBJECT_HISTORY = 50;

  private final ConsoleRegistry registry;

  RegistryController(ConsoleRegistry registry) {
    this.registry = registry;
  }

  @GetMapping("/registry")
  Mono<String> index(Model model) {
    RepoContents contents = registry.snapshot().contents();
    Map<ObjectKind, List<ObjectSummary>> byKind = new LinkedHashMap<>();
    Arrays.stream(ObjectKind.values())
        .filter(k -> k != ObjectKind.PROJECT)
        .forEach(k -> byKind.put(k, RegistryCatalog.list(contents, k)));
    model.addAttribute("byKind", byKind);
    return Blocking.call(() -> registry.history(RECENT_CHANGES)).map(recent -> {
      model.addAttribute("recent", recent);
      return page(model, "registry/index");
    });
  }

  @GetMapping("/registry/search")
  String search(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
    model.addAttribute("q", query);
    model.addAttribute("hits", RegistrySearch.search(registry.snapshot().contents(), query));
    return page(model, "registry/search");
  }

  @GetMapping("/registry/{kind}")
  Mono<String> list(@PathVariable("kind") String slug, Model model) {
    ObjectKind kind = kind(slug);
    model.addAttribute("kind", kind);
    model.addAttribute("rows", RegistryCatalog.list(registry.snapshot().contents(), kind));
    if (kind != ObjectKind.PROJECT) {
      return Mono.just(page(model, "registry/list"));
    }
    return Blocking.call(registry::projects).map(projects -> {
      model.addAttribute("projects", projects);
      return page(model, "registry/list");
    });
  }

  @GetMapping("/registry/{kind}/{name}")
  Mono<String> detail(@PathVariable("kind") String slug, @PathVariable("name") String name, Model model) {
    ObjectKind kind = kind(slug);
    RegistrySnapshot snapshot = registry.snapshot();
    Object object =
        RegistryCatalog.find(snapshot.contents(), kind, name)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, kind.label() + " not found"));
    model.addAttribute("kind", kind);
    model.addAttribute("name", name);
    model.addAttribute("object", object);
    model.addAttribute("usedBy", Usages.of(snapshot.contents(), kind, name));
    if (object instanceof DataSource source) {
      model.addAttribute("sourceDetails", SourceDetails.of(source));
    }
    return Blocking.call(() -> registry.history(kind, name, OBJECT_HISTORY)).map(history -> {
      model.addAttribute("history", history);
      return page(model, "registry/" + kind.slug());
    });
  }

  private static ObjectKind kind(String slug) {
    return ObjectKind.fromSlug(slug)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such kind of object"));
  }

  private static String page(Model model, String view) {
    model.addAttribute("active", "registry");
    return view;
  }
}
