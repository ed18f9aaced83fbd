package dev.featurestore.onlineserver.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.featurestore.onlineserver.serving.DataFrame;
import dev.featurestore.onlineserver.serving.OnlineFeatureService;
import dev.featurestore.onlineserver.serving.OnlineWriteService;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Feast's Python feature-server endpoints: {@code /get-online-features}, {@code /push}, {@code
 * /write-to-online-store}. The body is collected on the event loop; parsing, the blocking store
 * call and writing the answer run on the bounded {@code worker} scheduler.
 */
public final class FeatureServerHandler {
  private final OnlineFeatureService service;
  private final OnlineWriteService writer;
  private final Scheduler worker;

  public FeatureServerHandler(OnlineFeatureService service, OnlineWriteService writer, Scheduler worker) {
    this.service = requireNonNull(service, "service is null");
    this.writer = requireNonNull(writer, "writer is null");
    this.worker = requireNonNull(worker, "worker is null");
  }

  public Mono<ServerResponse> getOnlineFeatures(ServerRequest request) {
    return onWorker(request, body -> FeatureServerJson.writeOnlineResponse(
        service.getOnlineFeatures(FeatureServerJson.readOnlineRequest(body))));
  }

  public Mono<ServerResponse> push(ServerRequest request) {
    return onWorker(request, body -> {
      writer.push(text(body, "push_source_name", true), dataFrame(body), text(body, "to", false));
      return new byte[0];
    });
  }

  public Mono<ServerResponse> writeToOnlineStore(ServerRequest request) {
    return onWorker(request, body -> {
      writer.writeToOnlineStore(text(body, "feature_view_name", true), dataFrame(body));
      return "null".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    });
  }

  private Mono<ServerResponse> onWorker(ServerRequest request, Function<JsonNode, byte[]> work) {
    return request.bodyToMono(byte[].class)
        .defaultIfEmpty(new byte[0])
        .publishOn(worker)
        .map(bytes -> work.apply(FeatureServerJson.parse(bytes)))
        .flatMap(json -> json.length == 0
            ? ServerResponse.ok().build()
            : ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json));
  }

  private static String text(JsonNode body, String field, boolean required) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw FeatureServerJson.invalid("'" + field + "' is required");
      }
      return null;
    }
    if (!node.isTextual()) {
      throw FeatureServerJson.invalid("'" + field + "' must be a string");
    }
    return node.asText();
  }

  @SuppressWarnings("unchecked")
  private static DataFrame dataFrame(JsonNode body) {
    JsonNode df = body.get("df");
    if (df == null || !df.isObject()) {
      throw FeatureServerJson.invalid("'df' must be an object of column name to array of values");
    }
    Map<String, List<Object>> columns = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = df.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isArray()) {
        throw FeatureServerJson.invalid("df column '" + field.getKey() + "' must be an array");
      }
      try {
        columns.put(field.getKey(), FeatureServerJson.MAPPER.treeToValue(field.getValue(), ArrayList.class));
      } catch (JsonProcessingException e) {
        throw FeatureServerJson.invalid("df column '" + field.getKey() + "': " + e.getOriginalMessage());
      }
    }
    return DataFrame.of(columns);
  }
}
