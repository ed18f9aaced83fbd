package dev.featurestore.adminui.web;

import dev.featurestore.adminui.security.CurrentUser;
import org.springframework.core.Ordered;
import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Resolves the signed-in user and the CSRF token once per request, after Spring Security, and
 * stores them as plain exchange attributes for {@link PageModelAdvice}, so controllers and views
 * never wait on asynchronous model attributes.
 */
@Component
class PageAttributesFilter implements WebFilter, Ordered {

  static final String USER = PageAttributesFilter.class.getName() + ".user";

  @Override
  public int getOrder() {
    return 0; // after Spring Security's WebFilterChainProxy (-100)
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Mono<CurrentUser> user = exchange.getPrincipal().map(CurrentUser::of).defaultIfEmpty(CurrentUser.ANONYMOUS);
    Mono<CsrfToken> attribute = exchange.getAttribute(CsrfToken.class.getName());
    Mono<Object> token = attribute == null ? Mono.just(Boolean.FALSE) : attribute.cast(Object.class).defaultIfEmpty(Boolean.FALSE);
    return Mono.zip(user, token)
        .doOnNext(pair -> {
          exchange.getAttributes().put(USER, pair.getT1());
          if (pair.getT2() instanceof CsrfToken csrf) {
            exchange.getAttributes().put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, csrf);
          }
        })
        .then(chain.filter(exchange));
  }
}
