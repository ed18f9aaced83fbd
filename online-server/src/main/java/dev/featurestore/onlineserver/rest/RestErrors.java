package dev.featurestore.onlineserver.rest;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one mapping from failures to HTTP for the REST server. Categories: USER_ERROR 400,
 * NOT_FOUND 404, CONFLICT 409, UNAUTHENTICATED 401, UNAVAILABLE 503, INTERNAL 500.
 *
 * <p>Bodies: on Feast's own endpoints the body is what Feast's Python server sends, a JSON string
 * holding {@code {"module", "class", "message"}} (feast-compat.md §6, trap 7), with our status code
 * and our {@code code} added inside; on this project's endpoints it is a plain object {@code
 * {"error", "code", "status_code"}}. Unexpected exceptions say only "internal error".
 */
public final class RestErrors {
  static final Set<String> FEAST_PATHS = Set.of("/get-online-features", "/push", "/write-to-online-store",
      "/materialize", "/materialize-incremental");

  private static final Map<ErrorCode, String> FEAST_CLASSES = Map.of(
      ErrorCode.FEATURE_VIEW_NOT_FOUND, "FeatureViewNotFoundException",
      ErrorCode.FEATURE_SERVICE_NOT_FOUND, "FeatureServiceNotFoundException",
      ErrorCode.ENTITY_NOT_FOUND, "EntityNotFoundException",
      ErrorCode.DATA_SOURCE_NOT_FOUND, "PushSourceNotFoundException",
      ErrorCode.FEATURE_NOT_FOUND, "FeatureViewNotFoundException",
      ErrorCode.ONLINE_STORE_UNAVAILABLE, "OnlineStoreUnavailable",
      ErrorCode.INVALID_ARGUMENT, "ValueError");

  private RestErrors() {}

  /** What a failure is answered with. */
  public record Answer(int status, String code, String message) {}

  public static Answer answer(Throwable error) {
    if (error instanceof FeatureStoreException e) {
      int status = switch (e.code().category()) {
        case USER_ERROR -> 400;
        case NOT_FOUND -> 404;
        case CONFLICT -> 409;
        case UNAUTHENTICATED -> 401;
        case UNAVAILABLE -> 503;
        case INTERNAL -> 500;
      };
      return new Answer(status, e.code().name(), status == 500 ? "internal error: " + e.getMessage() : e.getMessage());
    }
    if (error instanceof ResponseStatusException e) {
      HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
      String reason = e.getReason() != null ? e.getReason() : status != null ? status.getReasonPhrase() : "error";
      return new Answer(e.getStatusCode().value(), e.getStatusCode().is4xxClientError() ? "INVALID_ARGUMENT" : "INTERNAL",
          reason);
    }
    return new Answer(500, "INTERNAL", "internal error");
  }

  static byte[] body(String path, Answer answer) {
    if (FEAST_PATHS.contains(path)) {
      byte[] inner = ProductJson.write(g -> {
        g.writeStringField("module", "feast.errors");
        g.writeStringField("class", FEAST_CLASSES.getOrDefault(codeOf(answer), "FeastError"));
        g.writeStringField("message", answer.message());
        g.writeStringField("code", answer.code());
      });
      try {
        return FeatureServerJson.MAPPER.writeValueAsBytes(new String(inner, java.nio.charset.StandardCharsets.UTF_8));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return ProductJson.write(g -> {
      g.writeStringField("error", answer.message());
      g.writeStringField("code", answer.code());
      g.writeNumberField("status_code", answer.status());
    });
  }

  private static ErrorCode codeOf(Answer answer) {
    try {
      return ErrorCode.valueOf(answer.code());
    } catch (IllegalArgumentException e) {
      return ErrorCode.INTERNAL;
    }
  }
}
