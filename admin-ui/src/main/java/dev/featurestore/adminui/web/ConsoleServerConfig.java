package dev.featurestore.adminui.web;

import java.time.Duration;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.NettyPipeline;
import reactor.netty.resources.LoopResources;

/** The console's Netty server: its own event loops, and the keep-alive fix. */
@Configuration(proxyBeanMethods = false)
class ConsoleServerConfig {

  /**
   * Event loops of the console's own ("console-http-*" threads), closed with its context. Spring
   * Boot's default shares Reactor Netty's global loops and disposes them when a context closes, so
   * under {@code featurestore up} closing the console would stop the online server's REST port.
   */
  @Bean
  ReactorResourceFactory consoleReactorResources() {
    ReactorResourceFactory resources = new ReactorResourceFactory();
    resources.setUseGlobalResources(false);
    resources.setLoopResourcesSupplier(() -> LoopResources.create("console-http"));
    // The console shuts down at once (server.shutdown=immediate); no quiet period to wait out.
    resources.setShutdownQuietPeriod(Duration.ZERO);
    return resources;
  }

  @Bean
  NettyServerCustomizer resumeReadAfterPipelinedRequest() {
    return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> channel.pipeline()
        .addBefore(NettyPipeline.ReactiveBridge, ResumeReadAfterPipelinedRequest.NAME,
            ResumeReadAfterPipelinedRequest.INSTANCE));
  }
}
