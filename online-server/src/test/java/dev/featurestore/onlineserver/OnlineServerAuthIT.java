package dev.featurestore.onlineserver;

import static dev.featurestore.onlineserver.TestingRepo.i64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.onlineserver.auth.TestingJwt;
import dev.featurestore.onlineserver.serving.RegistrySnapshotSource;
import feast.proto.serving.ServingAPIProto.FeatureList;
import feast.proto.serving.ServingAPIProto.FieldStatus;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesRequest;
import feast.proto.serving.ServingServiceGrpc;
import feast.proto.types.ValueProto.RepeatedValue;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.MetadataUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Authentication on both transports, for each mode, against a running server. */
class OnlineServerAuthIT {
  private static final String QUERY =
      "{\"features\":[\"driver_hourly_stats:conv_rate\"],\"entities\":{\"driver_id\":[1001]}}";
  private static final GetOnlineFeaturesRequest GRPC_QUERY = GetOnlineFeaturesRequest.newBuilder()
      .setFeatures(FeatureList.newBuilder().addVal("driver_hourly_stats:conv_rate"))
      .putEntities("driver_id", RepeatedValue.newBuilder().addVal(i64(1001)).build())
      .build();

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void noneIsTheDefaultAndNeedsNothing() throws Exception {
    try (Running running = Running.start(Map.of())) {
      assertThat(post(running, QUERY, Map.of()).statusCode()).isEqualTo(200);
      assertThat(running.serving(null, null).getOnlineFeatures(GRPC_QUERY).getResults(1).getStatuses(0))
          .isEqualTo(FieldStatus.PRESENT);
    }
  }

  @Nested
  class ApiKey {
    @Test
    void restAcceptsEitherHeaderAndRefusesTheRestGenerically() throws Exception {
      try (Running running = Running.start(Map.of("type", "api_key", "api_keys", List.of("key-1", "key-2")))) {
        assertThat(post(running, QUERY, Map.of("X-API-Key", "key-2")).statusCode()).isEqualTo(200);
        assertThat(post(running, QUERY, Map.of("Authorization", "Bearer key-1")).statusCode()).isEqualTo(200);
        assertRefused(post(running, QUERY, Map.of()));
        assertRefused(post(running, QUERY, Map.of("X-API-Key", "key-3")));
        assertRefused(post(running, QUERY, Map.of("Authorization", "key-1")));
        HttpResponse<String> product = get(running, "/api/v1/features/user/user_00042", Map.of());
        assertThat(product.statusCode()).isEqualTo(401);
        assertThat(product.body()).isEqualTo(
            "{\"error\":\"missing or invalid credentials\",\"code\":\"UNAUTHENTICATED\",\"status_code\":401}");
        // Probes and scrapers need no key; refusals are counted.
        assertThat(get(running, "/health", Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get(running, "/metrics", Map.of());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("featurestore_auth_failures_total{protocol=\"rest\"} 4.0")
            .contains("featurestore_requests_total{endpoint=\"other\",protocol=\"rest\",status=\"401\"} 4.0");
      }
    }

    @Test
    void grpcReadsAuthorizationOrXApiKeyMetadata() {
      try (Running running = Running.start(Map.of("type", "api_key", "api_keys", List.of("key-1")))) {
        assertThat(running.serving("Bearer key-1", null).getOnlineFeatures(GRPC_QUERY).getResultsCount()).isEqualTo(2);
        assertThat(running.serving(null, "key-1").getOnlineFeatures(GRPC_QUERY).getResultsCount()).isEqualTo(2);
        assertUnauthenticated(running.serving(null, null));
        assertUnauthenticated(running.serving("Bearer key-2", null));
        // The health service stays open for load balancers.
        assertThat(HealthGrpc.newBlockingStub(running.channel).check(HealthCheckRequest.getDefaultInstance()).getStatus())
            .isEqualTo(ServingStatus.SERVING);
        assertThat(running.server.meterRegistry().get("featurestore.auth.failures").tag("protocol", "grpc").counter()
            .count()).isEqualTo(2.0);
        assertThat(running.server.meterRegistry().get("featurestore.requests").tag("protocol", "grpc")
            .tag("status", "UNAUTHENTICATED").counter().count()).isEqualTo(2.0);
      }
    }
  }

  @Nested
  class Jwt {
    @Test
    void hs256GoodAndBadTokensOnBothTransports() throws Exception {
      try (Running running = Running.start(Map.of("type", "jwt", "hs256_secret", TestingJwt.SECRET,
          "audience", "featurestore"))) {
        long now = Instant.now().getEpochSecond();
        String good = TestingJwt.hs256("{\"sub\":\"svc\",\"aud\":\"featurestore\",\"exp\":" + (now + 300) + "}");
        assertThat(post(running, QUERY, Map.of("Authorization", "Bearer " + good)).statusCode()).isEqualTo(200);
        assertThat(running.serving("Bearer " + good, null).getOnlineFeatures(GRPC_QUERY).getResultsCount()).isEqualTo(2);
        List<String> bad = List.of(
            TestingJwt.hs256("{\"aud\":\"featurestore\",\"exp\":" + (now - 3600) + "}"),
            TestingJwt.hs256("{\"alg\":\"HS256\"}", "{\"aud\":\"featurestore\",\"exp\":" + (now + 300) + "}",
                TestingJwt.SECRET + "-wrong"),
            TestingJwt.unsigned("{\"aud\":\"featurestore\",\"exp\":" + (now + 300) + "}"),
            TestingJwt.hs256("{\"aud\":\"someone-else\",\"exp\":" + (now + 300) + "}"),
            "not-a-jwt",
            good.substring(0, good.length() - 4));
        for (String token : bad) {
          assertRefused(post(running, QUERY, Map.of("Authorization", "Bearer " + token)));
          assertUnauthenticated(running.serving("Bearer " + token, null));
        }
        // An API key header means nothing in jwt mode.
        assertRefused(post(running, QUERY, Map.of("X-API-Key", good)));
      }
    }

    @Test
    void rs256WithAPemKey() throws Exception {
      KeyPair pair = TestingJwt.rsaKeyPair();
      try (Running running = Running.start(Map.of("type", "jwt", "rs256_public_key",
          TestingJwt.pem((RSAPublicKey) pair.getPublic())))) {
        long now = Instant.now().getEpochSecond();
        String good = TestingJwt.rs256("{\"alg\":\"RS256\"}", "{\"exp\":" + (now + 300) + "}", pair.getPrivate());
        assertThat(post(running, QUERY, Map.of("Authorization", "Bearer " + good)).statusCode()).isEqualTo(200);
        assertThat(running.serving("Bearer " + good, null).getOnlineFeatures(GRPC_QUERY).getResultsCount()).isEqualTo(2);
        String forged = TestingJwt.rs256("{\"alg\":\"RS256\"}", "{\"exp\":" + (now + 300) + "}",
            TestingJwt.rsaKeyPair().getPrivate());
        assertRefused(post(running, QUERY, Map.of("Authorization", "Bearer " + forged)));
        assertUnauthenticated(running.serving("Bearer " + forged, null));
      }
    }
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    // Feast's endpoint: Feast's JSON-string error body, and nothing about what was wrong.
    assertThat(response.body()).contains("missing or invalid credentials").contains("UNAUTHENTICATED")
        .doesNotContainIgnoringCase("expired").doesNotContainIgnoringCase("signature");
  }

  private static void assertUnauthenticated(ServingServiceGrpc.ServingServiceBlockingStub stub) {
    assertThatThrownBy(() -> stub.getOnlineFeatures(GRPC_QUERY)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(e.getStatus().getDescription()).isEqualTo("missing or invalid credentials");
    });
  }

  private HttpResponse<String> post(Running running, String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(running.uri("/get-online-features"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(Running running, String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(running.uri(path)).timeout(Duration.ofSeconds(10)).GET();
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A server with the given {@code server.auth} block, on the fake store, and a channel to it. */
  record Running(OnlineServer server, ManagedChannel channel) implements AutoCloseable {
    static Running start(Map<String, Object> auth) {
      OnlineServerConfig config = OnlineServerConfig.from(Map.of("rest_port", 0, "grpc_port", 0, "host", "127.0.0.1",
          "auth", auth));
      OnlineServer server = OnlineServer.start(config, RegistrySnapshotSource.fixed(TestingRepo.contents()),
          TestingRepo.store(), java.time.Clock.fixed(TestingRepo.NOW, java.time.ZoneOffset.UTC));
      return new Running(server, ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build());
    }

    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + server.restPort() + path);
    }

    ServingServiceGrpc.ServingServiceBlockingStub serving(String authorization, String apiKey) {
      Metadata metadata = new Metadata();
      if (authorization != null) {
        metadata.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), authorization);
      }
      if (apiKey != null) {
        metadata.put(Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER), apiKey);
      }
      return ServingServiceGrpc.newBlockingStub(channel)
          .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
    }

    @Override
    public void close() {
      channel.shutdownNow();
      try {
        channel.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server.close();
    }
  }
}
