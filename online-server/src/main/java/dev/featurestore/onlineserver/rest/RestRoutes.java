package dev.featurestore.onlineserver.rest;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Every REST route, in one place; each tags its requests with its pattern for the metrics. */
public final class RestRoutes {
  /** The OpenAPI 3 description of these routes, a static classpath resource kept next to docs/API.md. */
  static final String OPENAPI_RESOURCE = "/openapi.yaml";
  private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

  private RestRoutes() {}

  public static RouterFunction<ServerResponse> routes(FeatureServerHandler feast, ProductApiHandler product,
      OperationsHandler operations) {
    return feastAndProduct(feast, product, operations);
  }

  /** Every route, with Feast's {@code /materialize} and {@code /materialize-incremental}. */
  public static RouterFunction<ServerResponse> routes(FeatureServerHandler feast, ProductApiHandler product,
      OperationsHandler operations, MaterializeHandler materialize) {
    return feastAndProduct(feast, product, operations)
        .and(RouterFunctions.route(POST("/materialize"), tagged("/materialize", materialize::materialize)))
        .and(RouterFunctions.route(POST("/materialize-incremental"),
            tagged("/materialize-incremental", materialize::materializeIncremental)));
  }

  private static RouterFunction<ServerResponse> feastAndProduct(FeatureServerHandler feast, ProductApiHandler product,
      OperationsHandler operations) {
    return RouterFunctions.route(POST("/get-online-features"), tagged("/get-online-features", feast::getOnlineFeatures))
        .and(RouterFunctions.route(POST("/push"), tagged("/push", feast::push)))
        .and(RouterFunctions.route(POST("/write-to-online-store"), tagged("/write-to-online-store", feast::writeToOnlineStore)))
        .and(RouterFunctions.route(GET("/health"), tagged("/health", operations::health)))
        .and(RouterFunctions.route(GET("/metrics"), tagged("/metrics", operations::metrics)))
        .and(RouterFunctions.route(GET("/openapi.yaml"), tagged("/openapi.yaml", openApi())))
        .and(RouterFunctions.route(GET("/api/v1/features/user/{user_id}"),
            tagged("/api/v1/features/user/{user_id}", product::user)))
        .and(RouterFunctions.route(GET("/api/v1/features/{entity}/{id}"),
            tagged("/api/v1/features/{entity}/{id}", product::entity)));
  }

  private static HandlerFunction<ServerResponse> openApi() {
    byte[] yaml = readResource(OPENAPI_RESOURCE);
    return request -> ServerResponse.ok().contentType(YAML).bodyValue(yaml);
  }

  private static byte[] readResource(String name) {
    try (InputStream in = RestRoutes.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HandlerFunction<ServerResponse> tagged(String endpoint, HandlerFunction<ServerResponse> handler) {
    return request -> {
      request.exchange().getAttributes().put(RequestMetricsFilter.ENDPOINT, endpoint);
      return handler.handle(request);
    };
  }
}
