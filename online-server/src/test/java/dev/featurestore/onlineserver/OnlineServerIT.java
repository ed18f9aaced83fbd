package dev.featurestore.onlineserver;

import static dev.featurestore.onlineserver.TestingRepo.i64;
import static dev.featurestore.onlineserver.TestingRepo.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.api.v1.GetUserFeaturesRequest;
import dev.featurestore.api.v1.GetUserFeaturesResponse;
import dev.featurestore.api.v1.UserFeaturesServiceGrpc;
import dev.featurestore.onlineserver.serving.RegistrySnapshotSource;
import feast.proto.serving.ServingAPIProto.FeatureList;
import feast.proto.serving.ServingAPIProto.FieldStatus;
import feast.proto.serving.ServingAPIProto.GetFeastServingInfoRequest;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesRequest;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse;
import feast.proto.serving.ServingServiceGrpc;
import feast.proto.types.ValueProto.RepeatedValue;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnlineServerIT {
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeOnlineStore store;
  private OnlineServer server;
  private ManagedChannel channel;
  private ServingServiceGrpc.ServingServiceBlockingStub serving;

  @BeforeAll
  void start() {
    store = TestingRepo.store();
    OnlineServerConfig config = OnlineServerConfig.from(Map.of("rest_port", 0, "grpc_port", 0, "host", "127.0.0.1",
        "max_entity_rows", 5, "deadline_ms", 200));
    server = OnlineServer.start(config, RegistrySnapshotSource.fixed(TestingRepo.contents()), store,
        Clock.fixed(TestingRepo.NOW, ZoneOffset.UTC));
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    serving = ServingServiceGrpc.newBlockingStub(channel);
  }

  @AfterAll
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.close();
  }

  @AfterEach
  void heal() {
    store.down = false;
    store.delayMillis = 0;
  }

  @Test
  void reflectionDescribesOurServices() throws Exception {
    var received = new java.util.concurrent.LinkedBlockingQueue<io.grpc.reflection.v1.ServerReflectionResponse>();
    var requests = io.grpc.reflection.v1.ServerReflectionGrpc.newStub(channel).serverReflectionInfo(
        new io.grpc.stub.StreamObserver<>() {
          @Override
          public void onNext(io.grpc.reflection.v1.ServerReflectionResponse response) {
            received.add(response);
          }

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onCompleted() {}
        });
    requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder().setListServices("").build());
    requests.onNext(io.grpc.reflection.v1.ServerReflectionRequest.newBuilder()
        .setFileContainingSymbol("feast.serving.ServingService").build());
    var services = received.poll(5, TimeUnit.SECONDS);
    var file = received.poll(5, TimeUnit.SECONDS);
    requests.onCompleted();
    assertThat(services.getListServicesResponse().getServiceList())
        .extracting(io.grpc.reflection.v1.ServiceResponse::getName)
        .contains("feast.serving.ServingService", "featurestore.api.v1.UserFeaturesService");
    assertThat(file.getFileDescriptorResponse().getFileDescriptorProtoCount()).isPositive();
  }

  /**
   * One kept-alive connection mixing answers made off the event loop (feature reads) with answers
   * made on it (health, 404, a malformed body): the pattern that stalled the console's connections
   * (reactor-netty#4361, see the console's ResumeReadAfterPipelinedRequest).
   */
  @Test
  void manyMixedRequestsOnOneKeptAliveConnectionAllComplete() throws Exception {
    HttpClient oneConnection = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String read = "{\"features\":[\"driver_hourly_stats:conv_rate\"],\"entities\":{\"driver_id\":[1001]}}";
    java.util.List<HttpRequest> cycle = java.util.List.of(
        request("/get-online-features", read), request("/health", null), request("/get-online-features", read),
        request("/no-such-path", null), request("/get-online-features", read), request("/get-online-features", "{"),
        request("/get-online-features", read), request("/health", null), request("/health", null));
    for (int i = 0; i < 2_000; i++) {
      HttpRequest request = cycle.get(i % cycle.size());
      HttpResponse<String> response = oneConnection.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("request %d: %s", i, request.uri()).isIn(200, 400, 404);
    }
  }

  private HttpRequest request(String path, String body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.restPort() + path))
        .timeout(java.time.Duration.ofSeconds(10));
    return body == null ? builder.GET().build()
        : builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  @Test
  void restMatchesFeastExampleByteForByte() throws Exception {
    HttpResponse<String> response = post("/get-online-features", """
        {"features":["driver_hourly_stats:conv_rate","driver_hourly_stats:avg_daily_trips"],
         "entities":{"driver_id":[1001,9999]},"full_feature_names":true}""");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(response.body()).isEqualTo("{\"metadata\":{\"feature_names\":[\"driver_id\",\"driver_hourly_stats__conv_rate\",\"driver_hourly_stats__avg_daily_trips\"]},"
        + "\"results\":["
        + "{\"values\":[1001,9999],\"statuses\":[\"PRESENT\",\"PRESENT\"],\"event_timestamps\":[\"1970-01-01T00:00:00Z\",\"1970-01-01T00:00:00Z\"]},"
        + "{\"values\":[0.5,null],\"statuses\":[\"PRESENT\",\"NOT_FOUND\"],\"event_timestamps\":[\"2024-01-15T12:00:00Z\",\"1970-01-01T00:00:00Z\"]},"
        + "{\"values\":[7,null],\"statuses\":[\"PRESENT\",\"NOT_FOUND\"],\"event_timestamps\":[\"2024-01-15T12:00:00Z\",\"1970-01-01T00:00:00Z\"]}]}");
  }

  @Test
  void restRendersFloat32WidenedStaleValuesAndMissingFields() throws Exception {
    HttpResponse<String> response = post("/get-online-features", """
        {"features":["driver_hourly_stats:acc_rate","driver_hourly_stats:conv_rate"],"entities":{"driver_id":[1001,1002]}}""");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"feature_names\":[\"driver_id\",\"acc_rate\",\"conv_rate\"]")
        // 0.1f widened to double; acc_rate absent from 1002's row: NOT_FOUND with the row's time
        .contains("{\"values\":[0.10000000149011612,null],\"statuses\":[\"PRESENT\",\"NOT_FOUND\"],"
            + "\"event_timestamps\":[\"2024-01-15T12:00:00Z\",\"2024-01-12T12:00:00.500Z\"]}")
        .contains("{\"values\":[0.5,0.25],\"statuses\":[\"PRESENT\",\"OUTSIDE_MAX_AGE\"]");
  }

  @Test
  void grpcRoundTripWithEveryStatus() {
    GetOnlineFeaturesResponse response = serving.getOnlineFeatures(GetOnlineFeaturesRequest.newBuilder()
        .setFeatures(FeatureList.newBuilder().addVal("driver_hourly_stats:avg_daily_trips").addVal("driver_hourly_stats:acc_rate"))
        .putEntities("driver_id", RepeatedValue.newBuilder().addVal(i64(1001)).addVal(i64(1002)).addVal(i64(9999))
            .addVal(i64(1001)).build())
        .setFullFeatureNames(true)
        .build());
    assertThat(response.getMetadata().getFeatureNames().getValList())
        .containsExactly("driver_id", "driver_hourly_stats__avg_daily_trips", "driver_hourly_stats__acc_rate");
    assertThat(response.getResults(1).getStatusesList()).containsExactly(
        FieldStatus.PRESENT, FieldStatus.OUTSIDE_MAX_AGE, FieldStatus.NOT_FOUND, FieldStatus.PRESENT);
    assertThat(response.getResults(1).getValues(1).getInt64Val()).isEqualTo(3);
    assertThat(response.getResults(1).getValues(2).hasInt64Val()).isFalse();
    assertThat(response.getResults(2).getStatusesList()).containsExactly(
        FieldStatus.PRESENT, FieldStatus.NOT_FOUND, FieldStatus.NOT_FOUND, FieldStatus.PRESENT);
    assertThat(serving.getFeastServingInfo(GetFeastServingInfoRequest.getDefaultInstance()).getVersion())
        .startsWith("featurestore");
  }

  @Test
  void int32EntityValueIsWidenedForAnInt64Key() {
    GetOnlineFeaturesResponse response = serving.getOnlineFeatures(GetOnlineFeaturesRequest.newBuilder()
        .setFeatures(FeatureList.newBuilder().addVal("driver_hourly_stats:avg_daily_trips"))
        .putEntities("driver_id", RepeatedValue.newBuilder().addVal(feast.proto.types.ValueProto.Value.newBuilder().setInt32Val(1001)).build())
        .build());
    assertThat(response.getResults(1).getStatuses(0)).isEqualTo(FieldStatus.PRESENT);
  }

  @Test
  void featureServiceWithAliasAndJoinKeyMap() throws Exception {
    HttpResponse<String> response = post("/get-online-features", """
        {"feature_service":"driver_aliased","entities":{"other_driver_id":[1001]},"full_feature_names":true}""");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("{\"metadata\":{\"feature_names\":[\"other_driver_id\",\"drv__conv_rate\"]}")
        .contains("{\"values\":[0.5],\"statuses\":[\"PRESENT\"]");
  }

  @Test
  void compositeKeysInAnyRequestOrder() throws Exception {
    HttpResponse<String> response = post("/get-online-features", """
        {"features":["user_merchant:orders"],"entities":{"user_id":["user_00042","user_00042"],"merchant_id":["m_7","m_8"]}}""");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"feature_names\":[\"user_id\",\"merchant_id\",\"orders\"]")
        .contains("{\"values\":[5,null],\"statuses\":[\"PRESENT\",\"NOT_FOUND\"]");
  }

  @Test
  void badRestRequestsAnswerWithStatusAndMessageThenTheNextSucceeds() throws Exception {
    assertError(post("/get-online-features", "{\"features\":[\"nope:x\"],\"entities\":{\"driver_id\":[1]}}"),
        404, "FEATURE_VIEW_NOT_FOUND", "feature view 'nope' does not exist");
    assertError(post("/get-online-features", "{\"features\":[\"driver_hourly_stats:nope\"],\"entities\":{\"driver_id\":[1]}}"),
        404, "FEATURE_NOT_FOUND", "feature 'nope' does not exist in feature view 'driver_hourly_stats'");
    assertError(post("/get-online-features", "{\"feature_service\":\"nope\",\"entities\":{\"driver_id\":[1]}}"),
        404, "FEATURE_SERVICE_NOT_FOUND", "feature service 'nope'");
    assertError(post("/get-online-features", "{\"features\":[\"user_merchant:orders\"],\"entities\":{\"user_id\":[\"u\"]}}"),
        400, "INVALID_ARGUMENT", "entity 'merchant_id' is missing: feature view 'user_merchant'");
    assertError(post("/get-online-features", "{\"features\":[\"driver_hourly_stats:conv_rate\"],\"entities\":{\"driver_id\":[\"abc\"]}}"),
        400, "INVALID_ARGUMENT", "entity 'driver_id' row 0: feature view 'driver_hourly_stats' expects INT64, got STRING");
    assertError(post("/get-online-features", "{\"features\":[\"driver_hourly_stats:conv_rate\"],\"entities\":{\"driver_id\":[1],\"user_id\":[\"u\"]}}"),
        400, "INVALID_ARGUMENT", "entity 'user_id' is not a join key of any requested feature view");
    assertError(post("/get-online-features", "{}"), 400, "INVALID_ARGUMENT", "the request names no features");
    assertError(post("/get-online-features", ""), 400, "INVALID_ARGUMENT", "the request body is empty");
    assertError(post("/get-online-features", "{\"features\":[\"driver_hourly_stats:conv_rate\"],\"entities\":{\"driver_id\":[1,2,3,4,5,6]}}"),
        400, "INVALID_ARGUMENT", "6 entity rows; at most 5");
    assertError(post("/get-online-features", "{\"features\":[\"driver_hourly_stats:conv_rate\"],\"entities\":{\"driver_id\":[]}}"),
        400, "INVALID_ARGUMENT", "no entity rows");
    assertError(post("/get-online-features", "{\"features\": [\"a\",\n }"), 400, "INVALID_ARGUMENT",
        "malformed JSON at line 2, column");
    assertError(post("/get-online-features", "{\"features\":[\"no_colon\"],\"entities\":{}}"), 400, "INVALID_ARGUMENT",
        "not of the form 'feature_view:feature'");
    assertError(post("/get-online-features", "{\"features\":[\"driver_hourly_stats@v2:conv_rate\"],\"entities\":{}}"),
        400, "INVALID_ARGUMENT", "not supported");
    restMatchesFeastExampleByteForByte();
  }

  @Test
  void feastEndpointErrorsUseFeastsJsonStringBody() throws Exception {
    HttpResponse<String> response = post("/get-online-features", "{\"features\":[\"nope:x\"],\"entities\":{}}");
    assertThat(response.statusCode()).isEqualTo(404);
    String inner = FeatureServerJsonAccess.MAPPER.readValue(response.body(), String.class);
    assertThat(FeatureServerJsonAccess.MAPPER.readTree(inner).get("class").asText()).isEqualTo("FeatureViewNotFoundException");
    HttpResponse<String> ours = get("/api/v1/features/nope/1");
    assertThat(ours.statusCode()).isEqualTo(404);
    assertThat(ours.body()).isEqualTo("{\"error\":\"entity 'nope' does not exist in project 'demo'\",\"code\":\"ENTITY_NOT_FOUND\",\"status_code\":404}");
  }

  @Test
  void badGrpcRequestsMapToStatusesThenTheNextSucceeds() {
    assertGrpcError(GetOnlineFeaturesRequest.newBuilder().setFeatures(FeatureList.newBuilder().addVal("nope:x")).build(),
        Status.Code.NOT_FOUND, "feature view 'nope'");
    assertGrpcError(GetOnlineFeaturesRequest.newBuilder().setFeatureService("nope").build(),
        Status.Code.NOT_FOUND, "feature service 'nope'");
    assertGrpcError(GetOnlineFeaturesRequest.newBuilder()
            .setFeatures(FeatureList.newBuilder().addVal("driver_hourly_stats:conv_rate"))
            .putEntities("driver_id", RepeatedValue.newBuilder().addVal(str("x")).build()).build(),
        Status.Code.INVALID_ARGUMENT, "expects INT64, got STRING");
    assertGrpcError(GetOnlineFeaturesRequest.getDefaultInstance(), Status.Code.INVALID_ARGUMENT, "names no features");
    // Bytes that are not a GetOnlineFeaturesRequest, sent with a raw call.
    MethodDescriptor<byte[], byte[]> raw = ServingServiceGrpc.getGetOnlineFeaturesMethod().toBuilder(
        new BytesMarshaller(), new BytesMarshaller()).build();
    assertThatThrownBy(() -> ClientCalls.blockingUnaryCall(channel, raw, CallOptions.DEFAULT, new byte[] {0x12, 0x7f, 0x01}))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).contains("malformed request");
        });
    grpcRoundTripWithEveryStatus();
  }

  @Test
  void storeDownAnswersUnavailableFastAndRecovers() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    store.down = true;
    assertError(post("/get-online-features", "{\"features\":[\"driver_hourly_stats:conv_rate\"],\"entities\":{\"driver_id\":[1001]}}"),
        503, "ONLINE_STORE_UNAVAILABLE", "online store is unavailable");
    assertGrpcError(GetOnlineFeaturesRequest.newBuilder()
            .setFeatures(FeatureList.newBuilder().addVal("driver_hourly_stats:conv_rate"))
            .putEntities("driver_id", RepeatedValue.newBuilder().addVal(i64(1001)).build()).build(),
        Status.Code.UNAVAILABLE, "online store is unavailable");
    HttpResponse<String> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).contains("\"online_store\":\"unavailable\"").contains("\"registry\":\"ok\"");
    HealthGrpc.HealthBlockingStub grpcHealth = HealthGrpc.newBlockingStub(channel);
    assertThat(grpcHealth.check(HealthCheckRequest.newBuilder().setService("feast.serving.ServingService").build())
        .getStatus()).isEqualTo(ServingStatus.NOT_SERVING);
    store.down = false;
    restMatchesFeastExampleByteForByte();
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(grpcHealth.check(HealthCheckRequest.getDefaultInstance()).getStatus()).isEqualTo(ServingStatus.SERVING);
  }

  @Test
  void slowStoreMissesTheDeadline() throws Exception {
    store.delayMillis = 2000;
    long start = System.nanoTime();
    assertError(post("/get-online-features", "{\"features\":[\"driver_hourly_stats:conv_rate\"],\"entities\":{\"driver_id\":[1001]}}"),
        503, "ONLINE_STORE_UNAVAILABLE", "no answer within 200 ms");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1500);
    store.delayMillis = 0;
    restMatchesFeastExampleByteForByte();
  }

  @Test
  void productApiGroupsByTag() throws Exception {
    HttpResponse<String> response = get("/api/v1/features/user/user_00042");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("{\"user_id\":\"user_00042\",\"features\":{\"demographics\":{\"age\":34},"
        + "\"behavior\":{\"txn_count_1h\":2,\"txn_amount_24h\":120.5}},\"statuses\":{},"
        + "\"event_timestamps\":{\"demographics\":\"2024-01-15T12:00:00Z\",\"behavior\":\"2024-01-15T12:00:00Z\"},\"response_time_ms\":")
        .endsWith(",\"cache_hit\":true}");
    HttpResponse<String> unknown = get("/api/v1/features/user/user_99999");
    assertThat(unknown.body()).contains("\"cache_hit\":false").contains("\"age\":null")
        .contains("\"statuses\":{\"demographics\":{\"age\":\"NOT_FOUND\"}");
    GetUserFeaturesResponse grpc = UserFeaturesServiceGrpc.newBlockingStub(channel)
        .getUserFeatures(GetUserFeaturesRequest.newBuilder().setUserId("user_00042").build());
    assertThat(grpc.getFeaturesMap()).containsOnlyKeys("demographics", "behavior");
    assertThat(grpc.getFeaturesMap().get("demographics").getValuesMap().get("age").getInt64Val()).isEqualTo(34);
    assertThat(grpc.getCacheHit()).isTrue();
    HttpResponse<String> driver = get("/api/v1/features/driver/1001");
    assertThat(driver.statusCode()).isEqualTo(200);
    assertThat(driver.body()).startsWith("{\"entity\":\"driver\",\"id\":\"1001\",\"features\":{\"driver_hourly_stats\":"
        + "{\"conv_rate\":0.5,\"acc_rate\":0.10000000149011612,\"avg_daily_trips\":7}}");
    assertError(get("/api/v1/features/driver/abc"), 400, "INVALID_ARGUMENT", "entity 'driver_id' is INT64, got 'abc'");
  }

  @Test
  void pushAndWriteToOnlineStore() throws Exception {
    HttpResponse<String> pushed = post("/push", """
        {"push_source_name":"velocity_push","to":"online","df":{"user_id":["user_push"],"txn_count_1h":[9],
         "txn_amount_24h":[10.5],"event_timestamp":["2024-01-15T12:30:00Z"]}}""");
    assertThat(pushed.statusCode()).isEqualTo(200);
    assertThat(post("/get-online-features", "{\"features\":[\"user_velocity:txn_count_1h\"],\"entities\":{\"user_id\":[\"user_push\"]}}").body())
        .contains("{\"values\":[9],\"statuses\":[\"PRESENT\"],\"event_timestamps\":[\"2024-01-15T12:30:00Z\"]}");
    HttpResponse<String> written = post("/write-to-online-store", """
        {"feature_view_name":"driver_hourly_stats","df":{"driver_id":[2001],"conv_rate":[0.75],"avg_daily_trips":[4],
         "event_timestamp":[1705321800]}}""");
    assertThat(written.statusCode()).isEqualTo(200);
    assertThat(written.body()).isEqualTo("null");
    assertThat(post("/get-online-features", "{\"features\":[\"driver_hourly_stats:conv_rate\"],\"entities\":{\"driver_id\":[2001]}}").body())
        .contains("{\"values\":[0.75],\"statuses\":[\"PRESENT\"],\"event_timestamps\":[\"2024-01-15T12:30:00Z\"]}");
    assertError(post("/push", "{\"push_source_name\":\"velocity_push\",\"to\":\"offline\",\"df\":{}}"), 400,
        "INVALID_ARGUMENT", "push to 'offline' is not supported");
    assertError(post("/push", "{\"push_source_name\":\"nope\",\"df\":{}}"), 404, "DATA_SOURCE_NOT_FOUND", "push source 'nope'");
    assertError(post("/push", "{\"push_source_name\":\"velocity_push\",\"df\":{\"user_id\":[\"u\"],\"txn_count_1h\":[\"x\"],\"event_timestamp\":[0]}}"),
        400, "INVALID_ARGUMENT", "df column 'txn_count_1h' row 0 (INT64): expected an integer, got \"x\"");
  }

  @Test
  void metricsAreServedInPrometheusFormat() throws Exception {
    restMatchesFeastExampleByteForByte();
    grpcRoundTripWithEveryStatus();
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("featurestore_request_duration_seconds_bucket{endpoint=\"/get-online-features\",protocol=\"rest\",status=\"200\"")
        .contains("featurestore_request_duration_seconds_bucket{endpoint=\"GetOnlineFeatures\",protocol=\"grpc\",status=\"OK\"")
        .contains("featurestore_requests_total{")
        .contains("featurestore_online_store_hits_total{feature_view=\"driver_hourly_stats\"}")
        .contains("featurestore_online_store_misses_total{feature_view=\"driver_hourly_stats\"}")
        .contains("featurestore_online_store_duration_seconds_bucket{")
        .contains("featurestore_online_store_healthy")
        .contains("featurestore_registry_snapshot_age_seconds");
  }

  private void assertGrpcError(GetOnlineFeaturesRequest request, Status.Code code, String message) {
    assertThatThrownBy(() -> serving.getOnlineFeatures(request)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      assertThat(e.getStatus().getCode()).isEqualTo(code);
      assertThat(e.getStatus().getDescription()).contains(message);
    });
  }

  private static void assertError(HttpResponse<String> response, int status, String code, String message) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    String body = response.body();
    if (body.startsWith("\"")) {
      body = FeatureServerJsonAccess.MAPPER.readValue(body, String.class);
    }
    assertThat(FeatureServerJsonAccess.MAPPER.readTree(body).get("code").asText()).isEqualTo(code);
    assertThat(body).contains(message.replace("\"", "\\\""));
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.restPort() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.restPort() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Jackson for reading answers. */
  static final class FeatureServerJsonAccess {
    static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
  }

  /** Sends and receives raw bytes, to put malformed protobuf on the wire. */
  static final class BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
