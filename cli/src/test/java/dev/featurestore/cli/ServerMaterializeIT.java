package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.featurestore.cli.sample.SampleDataOptions;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.onlineserver.OnlineServer;
import dev.featurestore.onlineserver.OnlineServerConfig;
import dev.featurestore.onlineserver.serving.RegistrySnapshotSource;
import dev.featurestore.registry.cache.CachedRegistry;
import feast.proto.core.FeatureViewProto;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /materialize} on a server wired as {@code serve} wires it: the sample repository,
 * its SQLite registry and online store, DuckDB over its Parquet files; then the features are read
 * back through {@code /get-online-features}.
 */
class ServerMaterializeIT {
  private static final Instant NOW = SampleDataOptions.startOfTodayUtc();
  private static final Instant START = NOW.minus(Duration.ofDays(10));
  private static final List<String> USERS = List.of("user_00001", "user_00002", "user_00003");

  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void materializeThroughRestThenReadTheFeaturesBack() throws Exception {
    Path repo = TestRepos.sample(tmp);
    CliRun apply = CliRun.of("-c", repo.toString(), "apply");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    List<Long> expected = latestAges(repo);

    try (MaterializationSession session = MaterializationSession.open(repo, new PrintWriter(new StringWriter()));
        CachedRegistry registry = CachedRegistry.forConfig(session.workspace().store(), session.config());
        OnlineServer server = OnlineServer.start(
            OnlineServerConfig.from(Map.of("rest_port", 0, "grpc_port", 0, "host", "127.0.0.1")),
            RegistrySnapshotSource.of(registry), session.onlineStore(), Clock.systemUTC(),
            Optional.of(new EngineMaterializer(session)))) {
      assertThat(ages(server)).containsOnlyNulls();

      HttpResponse<String> unknown = post(server, "/materialize",
          "{\"start_ts\":\"" + START + "\",\"end_ts\":\"" + NOW + "\",\"feature_views\":[\"nope\"]}");
      assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);

      HttpResponse<String> done = post(server, "/materialize", "{\"start_ts\":\"" + naive(START) + "\",\"end_ts\":\""
          + naive(NOW) + "\",\"feature_views\":[\"user_demographics\"]}");
      assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
      assertThat(done.body()).isEqualTo("null");

      assertThat(ages(server)).isEqualTo(expected);
      FeatureViewProto.FeatureView stored = (FeatureViewProto.FeatureView) session.workspace().store()
          .read(session.config().project()).find(RegistryObjectKind.FEATURE_VIEW, "user_demographics")
          .orElseThrow().proto();
      assertThat(stored.getMeta().getMaterializationIntervalsList()).singleElement()
          .satisfies(interval -> assertThat(interval.getEndTime().getSeconds()).isEqualTo(NOW.getEpochSecond()));

      HttpResponse<String> incremental = post(server, "/materialize-incremental?async=true",
          "{\"end_ts\":\"" + NOW.plus(Duration.ofHours(1)) + "\",\"feature_views\":[\"user_demographics\"]}");
      assertThat(incremental.statusCode()).as(incremental.body()).isEqualTo(202);
      assertThat(incremental.body()).isEqualTo("{\"status\":\"accepted\",\"feature_views\":[\"user_demographics\"]}");
      // Once the background run is done the view is free again (409 meanwhile); close only then.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      HttpResponse<String> again;
      do {
        Thread.sleep(50);
        again = post(server, "/materialize-incremental",
            "{\"end_ts\":\"" + NOW.plus(Duration.ofHours(1)) + "\",\"feature_views\":[\"user_demographics\"]}");
      } while (again.statusCode() == 409 && System.nanoTime() < deadline);
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    }
  }

  private static String naive(Instant instant) {
    return instant.toString().replace("Z", ""); // no offset: UTC, as Feast reads it
  }

  private List<Long> ages(OnlineServer server) throws Exception {
    HttpResponse<String> response = post(server, "/get-online-features",
        "{\"features\":[\"user_demographics:age\"],\"entities\":{\"user_id\":[\"" + String.join("\",\"", USERS) + "\"]}}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode values = new ObjectMapper().readTree(response.body()).get("results").get(1).get("values");
    List<Long> ages = new ArrayList<>();
    values.forEach(value -> ages.add(value.isNull() ? null : value.asLong()));
    return ages;
  }

  /** The oracle: each user's age in its latest row of the window, picked by DuckDB here. */
  private static List<Long> latestAges(Path repo) throws Exception {
    List<Long> ages = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      for (String user : USERS) {
        try (ResultSet rows = statement.executeQuery("SELECT age FROM read_parquet('"
            + repo.resolve("data/user_demographics.parquet") + "') WHERE user_id = '" + user
            + "' AND event_timestamp >= TIMESTAMPTZ '" + START + "' AND event_timestamp <= TIMESTAMPTZ '" + NOW
            + "' ORDER BY event_timestamp DESC, created DESC LIMIT 1")) {
          ages.add(rows.next() ? rows.getLong(1) : null);
        }
      }
    }
    assertThat(ages).doesNotContainNull();
    return ages;
  }

  private HttpResponse<String> post(OnlineServer server, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.restPort() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
