package dev.featurestore.onlineserver.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.featurestore.onlineserver.serving.MaterializationService;
import dev.featurestore.onlineserver.serving.MaterializationService.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Feast's {@code POST /materialize} and {@code POST /materialize-incremental} (feast-compat.md
 * §6): 200 {@code null} once a synchronous run is done, 202 {@code {"status":"accepted",
 * "feature_views":[..]}} for {@code ?async=true}, 409 {@code {"error","feature_views"}} when a
 * requested view is being materialized already and {@code force} is not set.
 */
public final class MaterializeHandler {
  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
  /** Feast's start when {@code disable_event_timestamp} is set. */
  private static final Instant EPOCH = Instant.EPOCH;

  private final MaterializationService service;
  private final Clock clock;
  private final Scheduler worker;

  public MaterializeHandler(MaterializationService service, Clock clock, Scheduler worker) {
    this.service = requireNonNull(service, "service is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.worker = requireNonNull(worker, "worker is null");
  }

  public Mono<ServerResponse> materialize(ServerRequest request) {
    return handle(request, body -> {
      List<String> views = featureViews(body);
      Instant start;
      Instant end;
      if (flag(body, "disable_event_timestamp")) {
        start = EPOCH;
        end = clock.instant();
      } else {
        start = time(body, "start_ts");
        end = time(body, "end_ts");
        if (!start.isBefore(end)) {
          throw FeatureServerJson.invalid("'start_ts' (" + start + ") must be before 'end_ts' (" + end + ")");
        }
      }
      rejectVersion(body);
      return service.materialize(views, start, end, query(request, "async"), query(request, "force"));
    });
  }

  public Mono<ServerResponse> materializeIncremental(ServerRequest request) {
    return handle(request, body -> {
      List<String> views = featureViews(body);
      Instant end = time(body, "end_ts");
      rejectVersion(body);
      return service.materializeIncremental(views, end, query(request, "async"), query(request, "force"));
    });
  }

  private Mono<ServerResponse> handle(ServerRequest request, Function<JsonNode, Outcome> start) {
    return request.bodyToMono(byte[].class)
        .defaultIfEmpty(new byte[0])
        .publishOn(worker)
        .map(bytes -> start.apply(FeatureServerJson.parse(bytes)))
        .flatMap(MaterializeHandler::answer);
  }

  private static Mono<ServerResponse> answer(Outcome outcome) {
    if (outcome instanceof Outcome.Running running) {
      return Mono.fromFuture(running.result())
          .onErrorMap(CompletionException.class, e -> e.getCause() != null ? e.getCause() : e)
          .then(json(200, NULL));
    }
    if (outcome instanceof Outcome.Accepted accepted) {
      return json(202, ProductJson.write(g -> {
        g.writeStringField("status", "accepted");
        views(g, accepted.views());
      }));
    }
    Outcome.Conflict conflict = (Outcome.Conflict) outcome;
    return json(409, ProductJson.write(g -> {
      g.writeStringField("error", "Cannot start materialization: the feature views " + conflict.views()
          + " are being materialized already. Use ?force=true to override.");
      views(g, conflict.views());
    }));
  }

  private static void views(com.fasterxml.jackson.core.JsonGenerator g, List<String> views)
      throws java.io.IOException {
    g.writeArrayFieldStart("feature_views");
    for (String view : views) {
      g.writeString(view);
    }
    g.writeEndArray();
  }

  private static Mono<ServerResponse> json(int status, byte[] body) {
    return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
  }

  private static List<String> featureViews(JsonNode body) {
    JsonNode node = body.get("feature_views");
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw FeatureServerJson.invalid("'feature_views' must be an array of feature view names");
    }
    List<String> views = new ArrayList<>();
    for (JsonNode view : node) {
      if (!view.isTextual()) {
        throw FeatureServerJson.invalid("'feature_views' must be an array of feature view names");
      }
      views.add(view.asText());
    }
    return views;
  }

  private static boolean flag(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return false;
    }
    if (!node.isBoolean()) {
      throw FeatureServerJson.invalid("'" + field + "' must be true or false");
    }
    return node.asBoolean();
  }

  // Versioned feature views are not supported by this store; saying so beats ignoring it.
  private static void rejectVersion(JsonNode body) {
    JsonNode node = body.get("version");
    if (node != null && !node.isNull()) {
      throw FeatureServerJson.invalid("'version' is not supported: feature views are not versioned here");
    }
  }

  /**
   * An ISO-8601 time as Feast reads it: with or without an offset, {@code T} or a space, or a bare
   * date; without an offset it is UTC ({@code make_tzaware}).
   */
  static Instant time(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      throw FeatureServerJson.invalid("'" + field + "' is required");
    }
    if (!node.isTextual()) {
      throw FeatureServerJson.invalid("'" + field + "' must be an ISO-8601 time string");
    }
    Optional<Instant> parsed = parseTime(node.asText());
    return parsed.orElseThrow(() -> FeatureServerJson.invalid("'" + field + "' is not an ISO-8601 time: '"
        + node.asText() + "' (e.g. 2024-01-15T12:00:00, UTC unless an offset is given)"));
  }

  static Optional<Instant> parseTime(String text) {
    String value = text.trim().replace(' ', 'T');
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException notOffset) {
      try {
        return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException notLocal) {
        try {
          return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException notDate) {
          return Optional.empty();
        }
      }
    }
  }

  /** A boolean query parameter as FastAPI reads one; absent is false. */
  private static boolean query(ServerRequest request, String name) {
    Optional<String> value = request.queryParam(name);
    if (value.isEmpty()) {
      return false;
    }
    return switch (value.get().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off", "" -> false;
      default -> throw FeatureServerJson.invalid("query parameter '" + name + "' must be true or false, got '"
          + value.get() + "'");
    };
  }
}
