package dev.featurestore.onlineserver.auth;

import static java.util.Objects.requireNonNull;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses REST requests without acceptable credentials, except on the open paths. The refusal is
 * an UNAUTHENTICATED error, so the server's one error handler answers it (401, the usual body) and
 * the request metrics count it. Checking is CPU-only (no I/O), so it runs on the event loop.
 */
public final class AuthWebFilter implements WebFilter {
  static final String API_KEY_HEADER = "X-API-Key";

  private final AuthGate gate;

  public AuthWebFilter(AuthGate gate) {
    this.gate = requireNonNull(gate, "gate is null");
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (gate.restPathIsOpen(exchange.getRequest().getPath().value())) {
      return chain.filter(exchange);
    }
    HttpHeaders headers = exchange.getRequest().getHeaders();
    Credentials credentials = new Credentials(headers.getFirst(HttpHeaders.AUTHORIZATION), headers.getFirst(API_KEY_HEADER));
    if (gate.admitsRest(credentials)) {
      return chain.filter(exchange);
    }
    exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    // The refused request's body is never read (an unknown caller does not get to make us read
    // it), so the connection must not carry another request: its unread bytes would be taken for
    // the next one.
    exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
    return Mono.error(AuthGate.refusal());
  }
}
