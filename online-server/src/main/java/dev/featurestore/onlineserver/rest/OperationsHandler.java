package dev.featurestore.onlineserver.rest;

import static java.util.Objects.requireNonNull;

import dev.featurestore.onlineserver.health.HealthMonitor;
import dev.featurestore.onlineserver.health.HealthReport;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@code GET /health} (Feast's: 200 with an empty body when healthy; 503 with a JSON body naming
 * what is degraded) and {@code GET /metrics} (Prometheus text).
 */
public final class OperationsHandler {
  private static final MediaType PROMETHEUS_TEXT = MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8");

  private final HealthMonitor health;
  private final PrometheusMeterRegistry prometheus;
  private final Scheduler worker;

  public OperationsHandler(HealthMonitor health, PrometheusMeterRegistry prometheus, Scheduler worker) {
    this.health = requireNonNull(health, "health is null");
    this.prometheus = requireNonNull(prometheus, "prometheus is null");
    this.worker = requireNonNull(worker, "worker is null");
  }

  public Mono<ServerResponse> health(ServerRequest request) {
    return Mono.fromSupplier(health::check).subscribeOn(worker).flatMap(report -> report.healthy()
        ? ServerResponse.ok().build()
        : ServerResponse.status(503).contentType(MediaType.APPLICATION_JSON).bodyValue(degraded(report)));
  }

  public Mono<ServerResponse> metrics(ServerRequest request) {
    return Mono.fromSupplier(prometheus::scrape).subscribeOn(worker)
        .flatMap(text -> ServerResponse.ok().contentType(PROMETHEUS_TEXT).bodyValue(text));
  }

  private static byte[] degraded(HealthReport report) {
    return ProductJson.write(g -> {
      g.writeStringField("status", "degraded");
      g.writeStringField("registry", report.registryLoaded() ? "ok" : "unavailable");
      g.writeStringField("online_store", report.onlineStoreHealthy() ? "ok" : "unavailable");
      g.writeArrayFieldStart("problems");
      for (String problem : report.problems()) {
        g.writeString(problem);
      }
      g.writeEndArray();
    });
  }
}
