package dev.featurestore.adminui.jobs;

import dev.featurestore.adminui.web.Blocking;
import dev.featurestore.adminui.web.ConsoleRegistry;
import dev.featurestore.core.model.FeatureView;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Materialization jobs: what the materializer schedules and runs, and the operator actions. The
 * security configuration lets only operators POST here; CSRF tokens are checked before this runs.
 */
@Controller
class JobsController {

  static final int RECENT_RUNS = 50;
  private static final Set<String> ACTIONS = Set.of("trigger", "pause", "resume");

  private final JobsBackend backend;
  private final ConsoleRegistry registry;

  JobsController(JobsBackend backend, ConsoleRegistry registry) {
    this.backend = backend;
    this.registry = registry;
  }

  @GetMapping("/jobs")
  Mono<String> jobs(Model model) {
    return Blocking.call(() -> {
      fill(model);
      return "jobs/jobs";
    });
  }

  @PostMapping("/jobs/{job}/{action}")
  Mono<String> act(
      @PathVariable("job") String job,
      @PathVariable("action") String action,
      Principal principal,
      ServerHttpResponse response,
      Model model) {
    if (!ACTIONS.contains(action)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown job action");
    }
    String user = principal.getName();
    return Blocking.call(() -> {
      JobActionResult result = switch (action) {
        case "trigger" -> backend.trigger(job, user);
        case "pause" -> backend.pause(job, user);
        default -> backend.resume(job, user);
      };
      response.setStatusCode(status(result.outcome()));
      model.addAttribute("result", result);
      fill(model);
      return "jobs/jobs";
    });
  }

  // Blocking: call from an elastic thread.
  private void fill(Model model) {
    model.addAttribute("connected", backend.connected());
    model.addAttribute("jobs", backend.jobs());
    model.addAttribute("runs", backend.recentRuns(RECENT_RUNS));
    // Until a materializer reports its jobs, offer the online views, which are what it would run.
    List<String> views = registry.snapshot().contents().featureViews().stream()
        .filter(FeatureView::online).map(FeatureView::name).sorted().toList();
    model.addAttribute("views", views);
    model.addAttribute("active", "jobs");
  }

  private static HttpStatus status(JobActionResult.Outcome outcome) {
    return switch (outcome) {
      case ACCEPTED -> HttpStatus.OK;
      case REJECTED -> HttpStatus.CONFLICT;
      case NOT_AVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
    };
  }
}
