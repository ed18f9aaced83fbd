package dev.featurestore.onlineserver;

import static dev.featurestore.onlineserver.TestingRepo.i64;
import static dev.featurestore.onlineserver.TestingRepo.str;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.onlineserver.serving.RegistrySnapshotSource;
import feast.proto.serving.ServingAPIProto.FeatureList;
import feast.proto.serving.ServingAPIProto.FieldStatus;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesRequest;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse;
import feast.proto.serving.ServingServiceGrpc;
import feast.proto.types.ValueProto.RepeatedValue;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The server end to end on a real online store: rows written with the store's own {@code write},
 * read back over gRPC and REST with every status. Each store's test extends this and adds what is
 * particular to it (key layout, outages).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractRealStoreServerIT {
  /** The Feast REST example of feast-compat.md §6, byte for byte. */
  static final String FEAST_EXAMPLE_REQUEST = """
      {"features":["driver_hourly_stats:conv_rate","driver_hourly_stats:avg_daily_trips"],
       "entities":{"driver_id":[1001,9999]},"full_feature_names":true}""";
  static final String FEAST_EXAMPLE_RESPONSE = "{\"metadata\":{\"feature_names\":[\"driver_id\","
      + "\"driver_hourly_stats__conv_rate\",\"driver_hourly_stats__avg_daily_trips\"]},\"results\":["
      + "{\"values\":[1001,9999],\"statuses\":[\"PRESENT\",\"PRESENT\"],\"event_timestamps\":[\"1970-01-01T00:00:00Z\",\"1970-01-01T00:00:00Z\"]},"
      + "{\"values\":[0.5,null],\"statuses\":[\"PRESENT\",\"NOT_FOUND\"],\"event_timestamps\":[\"2024-01-15T12:00:00Z\",\"1970-01-01T00:00:00Z\"]},"
      + "{\"values\":[7,null],\"statuses\":[\"PRESENT\",\"NOT_FOUND\"],\"event_timestamps\":[\"2024-01-15T12:00:00Z\",\"1970-01-01T00:00:00Z\"]}]}";

  private final HttpClient http = HttpClient.newHttpClient();
  protected OnlineStore store;
  protected OnlineServer server;
  protected ManagedChannel channel;
  protected ServingServiceGrpc.ServingServiceBlockingStub serving;

  /** Opens the store under test (started servers are the subclass's to manage). */
  protected abstract OnlineStore createStore();

  /** The event time the store gives back for one written as {@code written}. */
  protected Timestamp stored(Timestamp written) {
    return written;
  }

  @BeforeAll
  void startServer() {
    store = createStore();
    OnlineServerConfig config = OnlineServerConfig.from(Map.of("rest_port", 0, "grpc_port", 0, "host", "127.0.0.1",
        "deadline_ms", 1000));
    server = OnlineServer.start(config, RegistrySnapshotSource.fixed(TestingRepo.contents()), store,
        Clock.fixed(TestingRepo.NOW, ZoneOffset.UTC));
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
    serving = ServingServiceGrpc.newBlockingStub(channel);
  }

  @BeforeEach
  void writeRows() {
    RealStoreRows.write(store);
  }

  @AfterAll
  void stopServer() throws InterruptedException {
    if (channel != null) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Test
  void grpcRoundTripWithEveryStatus() {
    GetOnlineFeaturesResponse response = serving.getOnlineFeatures(GetOnlineFeaturesRequest.newBuilder()
        .setFeatures(FeatureList.newBuilder().addVal("driver_hourly_stats:conv_rate")
            .addVal("driver_hourly_stats:acc_rate").addVal("driver_hourly_stats:avg_daily_trips"))
        .putEntities("driver_id", RepeatedValue.newBuilder().addVal(i64(1001)).addVal(i64(1002)).addVal(i64(9999)).build())
        .build());
    assertThat(response.getMetadata().getFeatureNames().getValList())
        .containsExactly("driver_id", "conv_rate", "acc_rate", "avg_daily_trips");
    // conv_rate: fresh, stale (3 days, ttl 1 day: value kept), absent key.
    assertThat(response.getResults(1).getStatusesList())
        .containsExactly(FieldStatus.PRESENT, FieldStatus.OUTSIDE_MAX_AGE, FieldStatus.NOT_FOUND);
    assertThat(response.getResults(1).getValues(0).getFloatVal()).isEqualTo(0.5f);
    assertThat(response.getResults(1).getValues(1).getFloatVal()).isEqualTo(0.25f);
    assertThat(response.getResults(1).getValues(2).getValCase().getNumber()).isZero();
    assertThat(response.getResults(1).getEventTimestamps(1)).isEqualTo(stored(TestingRepo.OLD));
    // acc_rate was never written for 1002: NOT_FOUND with the row's event time.
    assertThat(response.getResults(2).getStatusesList())
        .containsExactly(FieldStatus.PRESENT, FieldStatus.NOT_FOUND, FieldStatus.NOT_FOUND);
    assertThat(response.getResults(2).getValues(0).getFloatVal()).isEqualTo(0.1f);
    assertThat(response.getResults(2).getEventTimestamps(1)).isEqualTo(stored(TestingRepo.OLD));
    assertThat(response.getResults(2).getEventTimestamps(2).getSeconds()).isZero();
    assertThat(response.getResults(3).getValues(0).getInt64Val()).isEqualTo(7);
    assertThat(response.getResults(3).getValues(1).getInt64Val()).isEqualTo(3);
  }

  @Test
  void restMatchesFeastsExampleByteForByte() throws Exception {
    HttpResponse<String> response = post("/get-online-features", FEAST_EXAMPLE_REQUEST);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(FEAST_EXAMPLE_RESPONSE);
  }

  @Test
  void restReportsStaleAndMissingFields() throws Exception {
    HttpResponse<String> response = post("/get-online-features", """
        {"features":["driver_hourly_stats:acc_rate","driver_hourly_stats:conv_rate"],"entities":{"driver_id":[1001,1002]}}""");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("{\"values\":[0.10000000149011612,null],\"statuses\":[\"PRESENT\",\"NOT_FOUND\"],"
            + "\"event_timestamps\":[\"2024-01-15T12:00:00Z\",\"2024-01-12T12:00:00"
            + (stored(TestingRepo.OLD).getNanos() == 0 ? "" : ".500") + "Z\"]}")
        .contains("{\"values\":[0.5,0.25],\"statuses\":[\"PRESENT\",\"OUTSIDE_MAX_AGE\"]");
  }

  @Test
  void compositeKeysInAnyRequestOrder() throws Exception {
    HttpResponse<String> rest = post("/get-online-features", """
        {"features":["user_merchant:orders"],"entities":{"user_id":["user_00042","user_00042"],"merchant_id":["m_7","m_8"]}}""");
    assertThat(rest.statusCode()).isEqualTo(200);
    assertThat(rest.body()).contains("\"feature_names\":[\"user_id\",\"merchant_id\",\"orders\"]")
        .contains("{\"values\":[5,null],\"statuses\":[\"PRESENT\",\"NOT_FOUND\"]");
    GetOnlineFeaturesResponse grpc = serving.getOnlineFeatures(GetOnlineFeaturesRequest.newBuilder()
        .setFeatures(FeatureList.newBuilder().addVal("user_merchant:orders"))
        .putEntities("merchant_id", RepeatedValue.newBuilder().addVal(str("m_7")).build())
        .putEntities("user_id", RepeatedValue.newBuilder().addVal(str("user_00042")).build())
        .build());
    assertThat(grpc.getResults(2).getValues(0).getInt64Val()).isEqualTo(5);
    assertThat(grpc.getResults(2).getStatuses(0)).isEqualTo(FieldStatus.PRESENT);
  }

  @Test
  void featureServiceOverBothTransports() throws Exception {
    GetOnlineFeaturesResponse grpc = serving.getOnlineFeatures(GetOnlineFeaturesRequest.newBuilder()
        .setFeatureService("credit_decision_v1")
        .putEntities("user_id", RepeatedValue.newBuilder().addVal(str("user_00042")).addVal(str("user_99999")).build())
        .setFullFeatureNames(true)
        .build());
    assertThat(grpc.getMetadata().getFeatureNames().getValList()).containsExactly("user_id",
        "user_demographics__age", "user_velocity__txn_count_1h", "user_velocity__txn_amount_24h");
    assertThat(grpc.getResults(1).getValues(0).getInt64Val()).isEqualTo(34);
    assertThat(grpc.getResults(2).getValues(0).getInt64Val()).isEqualTo(2);
    assertThat(grpc.getResults(3).getValues(0).getDoubleVal()).isEqualTo(120.5);
    for (int column = 1; column <= 3; column++) {
      assertThat(grpc.getResults(column).getStatusesList()).containsExactly(FieldStatus.PRESENT, FieldStatus.NOT_FOUND);
    }
    HttpResponse<String> rest = post("/get-online-features",
        "{\"feature_service\":\"credit_decision_v1\",\"entities\":{\"user_id\":[\"user_00042\"]}}");
    assertThat(rest.statusCode()).isEqualTo(200);
    assertThat(rest.body()).contains("\"feature_names\":[\"user_id\",\"age\",\"txn_count_1h\",\"txn_amount_24h\"]")
        .contains("{\"values\":[120.5],\"statuses\":[\"PRESENT\"]");
  }

  @Test
  void productApiOnTheRealStore() throws Exception {
    HttpResponse<String> response = get("/api/v1/features/user/user_00042");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("{\"user_id\":\"user_00042\",\"features\":{\"demographics\":{\"age\":34},"
        + "\"behavior\":{\"txn_count_1h\":2,\"txn_amount_24h\":120.5}}");
  }

  protected HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.restPort() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  protected HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.restPort() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
