package dev.featurestore.onlineserver.rest;

import static java.util.Objects.requireNonNull;

import dev.featurestore.onlineserver.metrics.ServingMetrics;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Times every REST request and counts it by endpoint and status. The endpoint tag is the route
 * pattern (set by the router as {@link #ENDPOINT}), never the raw path, so ids do not explode the
 * number of series.
 */
public final class RequestMetricsFilter implements WebFilter {
  static final String ENDPOINT = "featurestore.endpoint";
  static final String ERROR_CODE = "featurestore.errorCode";

  private final ServingMetrics metrics;

  public RequestMetricsFilter(ServingMetrics metrics) {
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long start = System.nanoTime();
    return chain.filter(exchange)
        .doOnSuccess(done -> record(exchange, start, null))
        .doOnError(error -> record(exchange, start, error));
  }

  private void record(ServerWebExchange exchange, long start, Throwable error) {
    String endpoint = exchange.getAttributeOrDefault(ENDPOINT, "other");
    String status;
    String code = null;
    if (error != null) {
      RestErrors.Answer answer = RestErrors.answer(error);
      status = Integer.toString(answer.status());
      code = answer.code();
    } else {
      HttpStatusCode statusCode = exchange.getResponse().getStatusCode();
      status = statusCode == null ? "200" : Integer.toString(statusCode.value());
      code = exchange.getAttribute(ERROR_CODE);
    }
    metrics.recordRequest("rest", endpoint, status, code, System.nanoTime() - start);
  }
}
