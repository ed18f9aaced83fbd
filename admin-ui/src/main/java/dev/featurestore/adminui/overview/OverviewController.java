package dev.featurestore.adminui.overview;

import dev.featurestore.adminui.ConsoleBackends;
import dev.featurestore.adminui.web.Blocking;
import dev.featurestore.adminui.web.ConsoleRegistry;
import dev.featurestore.adminui.web.RegistrySnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import reactor.core.publisher.Mono;

/** The landing page: component health, project counts and alerts. */
@Controller
class OverviewController {

  /** Components every deployment has; each shows "not connected" until a probe is plugged in. */
  static final List<String> DEFAULT_COMPONENTS = List.of("Online store", "Offline store", "Online server", "Scheduler");

  private final ConsoleRegistry registry;
  private final List<OverviewProbe> probes;
  private final List<AlertSource> alertSources;
  private final MetricsSource metrics;

  OverviewController(
      ConsoleRegistry registry, RegistryProbe registryProbe, List<AlertSource> ownAlerts, ConsoleBackends backends) {
    this.registry = registry;
    this.metrics = backends.metrics();
    this.probes = probes(registryProbe, backends.probes());
    List<AlertSource> sources = new ArrayList<>(ownAlerts);
    sources.addAll(backends.alertSources());
    this.alertSources = List.copyOf(sources);
  }

  @GetMapping("/")
  Mono<String> overview(Model model) {
    RegistrySnapshot snapshot = registry.snapshot();
    model.addAttribute("summary", ProjectSummary.of(snapshot.contents(), snapshot.state().lastUpdated()));
    model.addAttribute("active", "overview");
    return Blocking.call(() -> {
      model.addAttribute("health", probes.stream().map(OverviewProbe::check).toList());
      model.addAttribute("alerts", alerts());
      model.addAttribute("metricsConnected", metrics.connected());
      model.addAttribute("serving", metrics.report());
      return "overview/overview";
    });
  }

  private List<Alert> alerts() {
    return alertSources.stream()
        .flatMap(s -> s.alerts().stream())
        .sorted(Comparator.comparing(Alert::severity).thenComparing(Alert::since))
        .toList();
  }

  private static List<OverviewProbe> probes(OverviewProbe registryProbe, List<OverviewProbe> plugged) {
    Map<String, OverviewProbe> byName = new LinkedHashMap<>();
    byName.put(registryProbe.component(), registryProbe);
    for (String component : DEFAULT_COMPONENTS) {
      byName.put(component, new NotConnectedProbe(component, "not reported to the console yet"));
    }
    plugged.forEach(p -> byName.put(p.component(), p));
    return List.copyOf(byName.values());
  }
}
