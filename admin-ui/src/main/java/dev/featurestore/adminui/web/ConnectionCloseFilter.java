package dev.featurestore.adminui.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Closes the connection after every response. Work-around, not a fix: about one request in 50 to
 * 100 sent on a reused keep-alive connection to the console never got an answer (seen with the
 * JDK client, curl and Chromium; never on a fresh connection), and the cause inside the WebFlux /
 * Spring Security / Thymeleaf stack is not found yet. The console serves a few people, so a new
 * connection per page costs nothing that matters. Remove once the cause is found (tracked in the
 * console issue's notes).
 */
@Component
class ConnectionCloseFilter implements WebFilter, Ordered {

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
    return chain.filter(exchange);
  }
}
