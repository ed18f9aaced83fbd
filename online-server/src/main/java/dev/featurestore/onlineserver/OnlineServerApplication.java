package dev.featurestore.onlineserver;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.HttpHandlerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.ReactiveWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.NettyPipeline;
import reactor.netty.resources.LoopResources;

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
public class OnlineServerApplication {

  /**
   * Event loops of the REST server's own, closed with its context. Spring Boot's default uses
   * Reactor Netty's global loops and disposes them when any context closes: under {@code
   * featurestore up}, where the admin console runs in the same process, closing either server would
   * stop the other. The threads keep the global loops' names ("reactor-http-*"), which the
   * benchmarks' CPU breakdown groups by.
   */
  @Bean
  ReactorResourceFactory restReactorResources() {
    ReactorResourceFactory resources = new ReactorResourceFactory();
    resources.setUseGlobalResources(false);
    resources.setLoopResourcesSupplier(() -> LoopResources.create("reactor-http"));
    return resources;
  }

  /** See {@link ResumeReadAfterPipelinedRequest}: keeps kept-alive connections read. */
  @Bean
  NettyServerCustomizer resumeReadAfterPipelinedRequest() {
    return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> channel.pipeline()
        .addBefore(NettyPipeline.ReactiveBridge, ResumeReadAfterPipelinedRequest.NAME,
            ResumeReadAfterPipelinedRequest.INSTANCE));
  }
}
