package dev.featurestore.onlineserver;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.HttpHandlerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.ReactiveWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;

/**
 * The Spring context of the REST server: only the auto-configurations the server needs (reactive
 * Netty, WebFlux, codecs), no component scanning. The beans (routes, filter, error handler) are
 * registered by {@link OnlineServer} from objects it built, so nothing else gets picked up from the
 * class path (the registry's JDBC and jOOQ libraries in particular).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({
  PropertyPlaceholderAutoConfiguration.class,
  ReactiveWebServerFactoryAutoConfiguration.class,
  HttpHandlerAutoConfiguration.class,
  WebFluxAutoConfiguration.class,
  CodecsAutoConfiguration.class,
  JacksonAutoConfiguration.class
})
public class OnlineServerApplication {}
