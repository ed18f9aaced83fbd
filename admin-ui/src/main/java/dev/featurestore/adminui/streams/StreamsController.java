package dev.featurestore.adminui.streams;

import dev.featurestore.adminui.web.Blocking;
import dev.featurestore.adminui.web.ConsoleRegistry;
import dev.featurestore.adminui.web.ConsoleSettings;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.RepoContents;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import reactor.core.publisher.Mono;

/**
 * The stream engine's streams: what each reads and writes, whether it runs, its throughput, lag
 * and position. Without streams, explains {@code materializer.streaming} and lists the registry's
 * views that would be streamed.
 */
@Controller
class StreamsController {

  /** A stream with the figures the page derives from it at request time. */
  record Line(StreamRow stream, Optional<Duration> newestEventAge, boolean lagHigh) {}

  /** A registry view whose stream source is one the engine reads (Kafka or PostgreSQL CDC). */
  record StreamedView(String view, String source, String sourceKind, boolean online) {}

  private final StreamsBackend backend;
  private final ConsoleRegistry registry;
  private final ConsoleSettings settings;

  StreamsController(StreamsBackend backend, ConsoleRegistry registry, ConsoleSettings settings) {
    this.backend = backend;
    this.registry = registry;
    this.settings = settings;
  }

  @GetMapping("/streams")
  Mono<String> streams(Model model) {
    model.addAttribute("active", "streams");
    model.addAttribute("streamedViews", streamedViews(registry.snapshot().contents()));
    return Blocking.call(() -> {
      Instant now = settings.clock().instant();
      Duration lagAlert = backend.lagAlert();
      List<Line> lines = backend.streams().stream()
          .sorted(Comparator.comparing(StreamRow::name))
          .map(s -> new Line(s, s.newestEventAge(now), s.lagAbove(lagAlert)))
          .toList();
      model.addAttribute("connected", backend.connected());
      model.addAttribute("streams", lines);
      model.addAttribute("lagAlert", lagAlert);
      return "streams/streams";
    });
  }

  /** The views whose stream source the engine reads, sorted by name. */
  static List<StreamedView> streamedViews(RepoContents contents) {
    return contents.featureViews().stream()
        .filter(v -> v.streamSource().map(StreamsController::isStreamed).orElse(false))
        .map(StreamsController::streamedView)
        .sorted(Comparator.comparing(StreamedView::view))
        .toList();
  }

  private static StreamedView streamedView(FeatureView view) {
    DataSource source = view.streamSource().orElseThrow();
    return new StreamedView(view.name(), source.name(), source.kindName(), view.online());
  }

  // The sources the engine reads itself; push sources are written to by callers instead.
  private static boolean isStreamed(DataSource source) {
    return source.options() instanceof DataSource.KafkaOptions
        || source.options() instanceof DataSource.PostgresCdcOptions;
  }
}
