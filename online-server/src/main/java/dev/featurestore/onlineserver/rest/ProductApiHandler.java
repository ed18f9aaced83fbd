package dev.featurestore.onlineserver.rest;

import static java.util.Objects.requireNonNull;

import dev.featurestore.onlineserver.serving.ProductFeatureService;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** The product API: {@code GET /api/v1/features/user/{user_id}} and {@code /api/v1/features/{entity}/{id}}. */
public final class ProductApiHandler {
  private final ProductFeatureService service;
  private final Scheduler worker;

  public ProductApiHandler(ProductFeatureService service, Scheduler worker) {
    this.service = requireNonNull(service, "service is null");
    this.worker = requireNonNull(worker, "worker is null");
  }

  public Mono<ServerResponse> user(ServerRequest request) {
    String userId = request.pathVariable("user_id");
    String featureService = request.queryParam("feature_service").orElse("");
    return json(() -> ProductJson.user(service.getUserFeatures(userId, featureService)));
  }

  public Mono<ServerResponse> entity(ServerRequest request) {
    String entity = request.pathVariable("entity");
    String id = request.pathVariable("id");
    return json(() -> ProductJson.entity(service.getEntityFeatures(entity, id)));
  }

  private Mono<ServerResponse> json(Supplier<byte[]> work) {
    return Mono.fromSupplier(work)
        .subscribeOn(worker)
        .flatMap(json -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json));
  }
}
