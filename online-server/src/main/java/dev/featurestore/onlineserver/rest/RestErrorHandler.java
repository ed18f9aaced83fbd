package dev.featurestore.onlineserver.rest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/** Answers every failed REST request, through {@link RestErrors}; the only place that does. */
public final class RestErrorHandler implements WebExceptionHandler, Ordered {
  private static final Logger log = LoggerFactory.getLogger(RestErrorHandler.class);

  /** Before Boot's default error handler (order -1). */
  @Override
  public int getOrder() {
    return -2;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(error);
    }
    RestErrors.Answer answer = RestErrors.answer(error);
    if (answer.status() >= 500 && answer.status() != 503) {
      log.error("internal error serving {}", exchange.getRequest().getPath(), error);
    }
    exchange.getAttributes().put(RequestMetricsFilter.ERROR_CODE, answer.code());
    byte[] body = RestErrors.body(exchange.getRequest().getPath().value(), answer);
    exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(answer.status()));
    exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
    DataBuffer buffer = exchange.getResponse().bufferFactory().wrap(body);
    return exchange.getResponse().writeWith(Mono.just(buffer));
  }
}
