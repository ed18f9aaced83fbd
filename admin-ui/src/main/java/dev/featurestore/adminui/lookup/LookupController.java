package dev.featurestore.adminui.lookup;

import dev.featurestore.adminui.web.Blocking;
import dev.featurestore.adminui.web.ConsoleRegistry;
import dev.featurestore.core.model.FeatureService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/**
 * Online lookup: the values a feature service returns for one entity. A read, so a GET form
 * (bookmarkable, no CSRF token needed).
 */
@Controller
class LookupController {

  private final LookupBackend backend;
  private final ConsoleRegistry registry;

  LookupController(LookupBackend backend, ConsoleRegistry registry) {
    this.backend = backend;
    this.registry = registry;
  }

  @GetMapping("/lookup")
  Mono<String> lookup(
      @RequestParam(name = "service", defaultValue = "") String service,
      @RequestParam(name = "keys", defaultValue = "") String keys,
      Model model) {
    model.addAttribute("connected", backend.connected());
    model.addAttribute("services",
        registry.snapshot().contents().featureServices().stream().map(FeatureService::name).sorted().toList());
    model.addAttribute("service", service);
    model.addAttribute("keys", keys);
    model.addAttribute("active", "lookup");
    if (service.isBlank()) {
      return Mono.just("lookup/lookup");
    }
    Map<String, String> entityKeys = parseKeys(keys);
    return Blocking.call(() -> {
      model.addAttribute("result", backend.lookup(service, entityKeys));
      return "lookup/lookup";
    });
  }

  /** {@code user_id=user_00042, merchant_id=merchant_0007} to a map; blanks skipped. */
  static Map<String, String> parseKeys(String text) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String part : text.split("[,\\n]")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        keys.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    return keys;
  }
}
