package dev.featurestore.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.feast.FeastClient;
import dev.feast.Row;
import feast.proto.serving.ServingAPIProto.FeatureList;
import feast.proto.serving.ServingAPIProto.FieldStatus;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesRequest;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse;
import feast.proto.serving.ServingServiceGrpc;
import feast.proto.types.ValueProto.RepeatedValue;
import feast.proto.types.ValueProto.Value;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feast's published Java client ({@code dev.feast:feast-serving-client:0.38.0}) against our
 * server: a Feast repository is applied and served by our cli jar in its own JVM, rows are written
 * through our REST {@code /write-to-online-store}, and what Feast's client reads must equal what we
 * wrote and what our REST API and a plain gRPC call return for the same request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeastJavaClientInteropIT {
  private static final List<String> FEATURES = List.of("driver_hourly_stats:conv_rate", "driver_hourly_stats:acc_rate",
      "driver_hourly_stats:avg_daily_trips", "driver_hourly_stats:city");
  private static final List<Long> DRIVERS = List.of(1001L, 1002L, 1003L, 9999L);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path repo;
  private final HttpClient http = HttpClient.newHttpClient();
  private FeatureStoreProcess server;
  private FeastClient feast;
  private long freshSeconds;

  @BeforeAll
  void applyServeAndWrite() throws Exception {
    copyRepo();
    FeatureStoreProcess.run(repo, "apply");
    server = FeatureStoreProcess.serve(repo);
    freshSeconds = Instant.now().getEpochSecond() - 60;
    long staleSeconds = freshSeconds - 2 * 86400; // the view's ttl is one day
    // 1001 fresh and complete; 1003 stale; 1002 without acc_rate (a feature absent from a stored
    // entity); 9999 never written.
    write("{\"driver_id\":[1001,1003],\"conv_rate\":[0.5,0.75],\"acc_rate\":[0.125,0.3],\"avg_daily_trips\":[7,11],"
        + "\"city\":[\"Berlin\",\"Lyon\"],\"event_timestamp\":[" + freshSeconds + "," + staleSeconds + "]}");
    write("{\"driver_id\":[1002],\"conv_rate\":[0.25],\"avg_daily_trips\":[3],\"city\":[\"Zürich\"],"
        + "\"event_timestamp\":[" + freshSeconds + "]}");
    feast = FeastClient.create("127.0.0.1", server.grpcPort);
  }

  @AfterAll
  void stop() throws Exception {
    if (feast != null) {
      feast.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void feastsClientReadsWhatWasWritten() {
    List<Row> rows = feast.getOnlineFeatures(FEATURES, entityRows());
    assertThat(rows).hasSize(4);

    Row fresh = rows.get(0);
    assertThat(fresh.getLong("driver_id")).isEqualTo(1001L);
    assertThat(fresh.getFloat("conv_rate")).isEqualTo(0.5f);
    assertThat(fresh.getDouble("acc_rate")).isEqualTo(0.125);
    assertThat(fresh.getLong("avg_daily_trips")).isEqualTo(7L);
    assertThat(fresh.getString("city")).isEqualTo("Berlin");
    assertThat(fresh.getStatuses()).containsEntry("conv_rate", FieldStatus.PRESENT)
        .containsEntry("acc_rate", FieldStatus.PRESENT).containsEntry("city", FieldStatus.PRESENT);
    // The client keeps the last column's event time as the row's.
    assertThat(fresh.getEntityTimestamp().getSeconds()).isEqualTo(freshSeconds);

    Row partial = rows.get(1);
    assertThat(partial.getString("city")).isEqualTo("Zürich");
    assertThat(partial.getStatus("acc_rate")).isEqualTo(FieldStatus.NOT_FOUND);
    assertThat(partial.getFields().get("acc_rate").getValCase()).isEqualTo(Value.ValCase.VAL_NOT_SET);

    Row stale = rows.get(2);
    assertThat(stale.getStatus("conv_rate")).isEqualTo(FieldStatus.OUTSIDE_MAX_AGE);
    assertThat(stale.getFloat("conv_rate")).isEqualTo(0.75f);

    Row missing = rows.get(3);
    assertThat(missing.getLong("driver_id")).isEqualTo(9999L);
    for (String feature : List.of("conv_rate", "acc_rate", "avg_daily_trips", "city")) {
      assertThat(missing.getStatus(feature)).as(feature).isEqualTo(FieldStatus.NOT_FOUND);
    }
  }

  @Test
  void feastsClientAgreesWithOurRestApiAndAPlainGrpcCall() throws Exception {
    List<Row> rows = feast.getOnlineFeatures(FEATURES, entityRows());
    JsonNode rest = JSON.readTree(post("/get-online-features", "{\"features\":" + JSON.writeValueAsString(FEATURES)
        + ",\"entities\":{\"driver_id\":" + DRIVERS + "}}"));
    GetOnlineFeaturesResponse grpc;
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort).usePlaintext().build();
    try {
      RepeatedValue.Builder ids = RepeatedValue.newBuilder();
      DRIVERS.forEach(id -> ids.addVal(Value.newBuilder().setInt64Val(id)));
      grpc = ServingServiceGrpc.newBlockingStub(channel).getOnlineFeatures(GetOnlineFeaturesRequest.newBuilder()
          .setFeatures(FeatureList.newBuilder().addAllVal(FEATURES)).putEntities("driver_id", ids.build()).build());
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    List<String> names = new ArrayList<>();
    rest.get("metadata").get("feature_names").forEach(name -> names.add(name.asText()));
    assertThat(grpc.getMetadata().getFeatureNames().getValList()).containsExactlyElementsOf(names);
    for (int column = 0; column < names.size(); column++) {
      String name = names.get(column);
      JsonNode restColumn = rest.get("results").get(column);
      for (int row = 0; row < DRIVERS.size(); row++) {
        Object restValue = fromJson(restColumn.get("values").get(row));
        String where = name + " row " + row;
        assertThat(plain(rows.get(row).getFields().get(name))).as(where).isEqualTo(restValue);
        assertThat(plain(grpc.getResults(column).getValues(row))).as(where).isEqualTo(restValue);
        assertThat(rows.get(row).getStatus(name).name()).as(where).isEqualTo(restColumn.get("statuses").get(row).asText());
        assertThat(grpc.getResults(column).getStatuses(row).name()).as(where)
            .isEqualTo(restColumn.get("statuses").get(row).asText());
        assertThat(Instant.ofEpochSecond(grpc.getResults(column).getEventTimestamps(row).getSeconds()))
            .as(where).isEqualTo(Instant.parse(restColumn.get("event_timestamps").get(row).asText()));
      }
    }
  }

  @Test
  void servingInfoAndFeatureServicesOverFeastsGeneratedStub() throws Exception {
    assertThat(feast.getFeastServingInfo().getVersion()).startsWith("featurestore");
    ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort).usePlaintext().build();
    try {
      GetOnlineFeaturesResponse response = ServingServiceGrpc.newBlockingStub(channel)
          .getOnlineFeatures(GetOnlineFeaturesRequest.newBuilder().setFeatureService("driver_activity")
              .putEntities("driver_id", RepeatedValue.newBuilder().addVal(Value.newBuilder().setInt64Val(1001)).build())
              .setFullFeatureNames(true).build());
      assertThat(response.getMetadata().getFeatureNames().getValList())
          .containsExactly("driver_id", "driver_hourly_stats__conv_rate", "driver_hourly_stats__avg_daily_trips");
      assertThat(response.getResults(1).getValues(0).getFloatVal()).isEqualTo(0.5f);
      assertThat(response.getResults(2).getValues(0).getInt64Val()).isEqualTo(7);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private List<Row> entityRows() {
    return DRIVERS.stream().map(id -> Row.create().set("driver_id", id)).toList();
  }

  /** A Value as the plain Java value our REST JSON renders it as (float32 widened, as Feast does). */
  private static Object plain(Value value) {
    return switch (value.getValCase()) {
      case FLOAT_VAL -> (double) value.getFloatVal();
      case DOUBLE_VAL -> value.getDoubleVal();
      case INT32_VAL -> (long) value.getInt32Val();
      case INT64_VAL -> value.getInt64Val();
      case STRING_VAL -> value.getStringVal();
      case BOOL_VAL -> value.getBoolVal();
      case VAL_NOT_SET -> null;
      default -> throw new AssertionError("no plain form in this test for " + value);
    };
  }

  private static Object fromJson(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.asText();
  }

  private void write(String df) throws Exception {
    String body = post("/write-to-online-store", "{\"feature_view_name\":\"driver_hourly_stats\",\"df\":" + df + "}");
    assertThat(body).isEqualTo("null");
  }

  private String post(String path, String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.restPort + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private void copyRepo() throws IOException {
    for (String file : List.of("feature_store.yaml", "features.py")) {
      try (InputStream in = getClass().getResourceAsStream("/interop_repo/" + file)) {
        Files.copy(in, repo.resolve(file));
      }
    }
  }
}
