package dev.featurestore.onlineserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.onlineserver.serving.Materializer;
import dev.featurestore.onlineserver.serving.RegistrySnapshotSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /materialize} and {@code /materialize-incremental} shapes and statuses, with a recording materializer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaterializeEndpointsIT {
  private final HttpClient http = HttpClient.newHttpClient();
  private final RecordingMaterializer materializer = new RecordingMaterializer();
  private OnlineServer server;
  private OnlineServer bare;

  @BeforeAll
  void start() {
    Map<String, Object> ports = Map.of("rest_port", 0, "grpc_port", 0, "host", "127.0.0.1");
    server = OnlineServer.start(OnlineServerConfig.from(ports), RegistrySnapshotSource.fixed(TestingRepo.contents()),
        TestingRepo.store(), Clock.fixed(TestingRepo.NOW, ZoneOffset.UTC), Optional.of(materializer));
    bare = OnlineServer.start(OnlineServerConfig.from(ports), RegistrySnapshotSource.fixed(TestingRepo.contents()),
        TestingRepo.store());
  }

  @AfterAll
  void stop() {
    server.close();
    bare.close();
  }

  @AfterEach
  void reset() {
    materializer.calls.clear();
    materializer.gate = null;
    materializer.failure = null;
  }

  @Test
  void synchronousRunAnswersNullOnceDone() throws Exception {
    HttpResponse<String> response = post(server, "/materialize", """
        {"start_ts":"2024-01-01T00:00:00","end_ts":"2024-01-02T00:00:00+02:00",
         "feature_views":["a"],"full_feature_names":false}""");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("null");
    assertThat(materializer.calls).containsExactly(
        "materialize [a] 2024-01-01T00:00:00Z 2024-01-01T22:00:00Z");
  }

  @Test
  void incrementalWithoutViewsRunsEveryOnlineView() throws Exception {
    HttpResponse<String> response = post(server, "/materialize-incremental", """
        {"end_ts":"2024-01-02 10:00:00"}""");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("null");
    assertThat(materializer.calls).containsExactly("incremental [a, b] 2024-01-02T10:00:00Z");
  }

  @Test
  void disableEventTimestampRunsFromTheEpochToNow() throws Exception {
    HttpResponse<String> response = post(server, "/materialize", """
        {"disable_event_timestamp":true,"feature_views":["a"]}""");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(materializer.calls).containsExactly("materialize [a] 1970-01-01T00:00:00Z " + TestingRepo.NOW);
  }

  @Test
  void asyncAnswers202AndASecondRunOfTheSameViewIs409UnlessForced() throws Exception {
    materializer.gate = new CountDownLatch(1);
    HttpResponse<String> accepted = post(server, "/materialize?async=true", """
        {"start_ts":"2024-01-01","end_ts":"2024-01-02","feature_views":["a","b"]}""");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.body()).isEqualTo("{\"status\":\"accepted\",\"feature_views\":[\"a\",\"b\"]}");

    HttpResponse<String> conflict = post(server, "/materialize-incremental", """
        {"end_ts":"2024-01-02","feature_views":["b","c"]}""");
    assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
    assertThat(conflict.body()).startsWith("{\"error\":\"Cannot start materialization")
        .endsWith("\"feature_views\":[\"b\"]}");

    HttpResponse<String> forced = post(server, "/materialize-incremental?async=true&force=true", """
        {"end_ts":"2024-01-02","feature_views":["b"]}""");
    assertThat(forced.statusCode()).as(forced.body()).isEqualTo(202);

    HttpResponse<String> other = post(server, "/materialize?async=1", """
        {"start_ts":"2024-01-01","end_ts":"2024-01-02","feature_views":["c"]}""");
    assertThat(other.statusCode()).as(other.body()).isEqualTo(202);

    materializer.gate.countDown();
    waitFor(() -> materializer.calls.size() == 3);
    assertThat(materializer.calls).containsExactly(
        "materialize [a, b] 2024-01-01T00:00:00Z 2024-01-02T00:00:00Z",
        "incremental [b] 2024-01-02T00:00:00Z",
        "materialize [c] 2024-01-01T00:00:00Z 2024-01-02T00:00:00Z");
    // Every claim was released: the same views may run again.
    waitFor(() -> post(server, "/materialize-incremental", "{\"end_ts\":\"2024-01-03\",\"feature_views\":[\"a\",\"b\"]}")
        .statusCode() == 200);
  }

  @Test
  void aFailedRunReleasesItsViewsAndAnswersWithTheError() throws Exception {
    materializer.failure = new FeatureStoreException(ErrorCode.OFFLINE_STORE_UNAVAILABLE, "engine went away");
    HttpResponse<String> failed = post(server, "/materialize", """
        {"start_ts":"2024-01-01","end_ts":"2024-01-02","feature_views":["a"]}""");
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(failed.body()).contains("engine went away");

    materializer.failure = null;
    assertThat(post(server, "/materialize", """
        {"start_ts":"2024-01-01","end_ts":"2024-01-02","feature_views":["a"]}""").statusCode()).isEqualTo(200);
  }

  @Test
  void badTimesAre400NamingTheField() throws Exception {
    HttpResponse<String> reversed = post(server, "/materialize", """
        {"start_ts":"2024-01-02","end_ts":"2024-01-01"}""");
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.body()).contains("'start_ts'").contains("must be before 'end_ts'").contains("ValueError");

    HttpResponse<String> equal = post(server, "/materialize", """
        {"start_ts":"2024-01-01","end_ts":"2024-01-01T00:00:00Z"}""");
    assertThat(equal.statusCode()).isEqualTo(400);

    HttpResponse<String> garbled = post(server, "/materialize", """
        {"start_ts":"yesterday","end_ts":"2024-01-01"}""");
    assertThat(garbled.statusCode()).isEqualTo(400);
    assertThat(garbled.body()).contains("'start_ts' is not an ISO-8601 time");

    HttpResponse<String> missing = post(server, "/materialize-incremental", "{\"feature_views\":[\"a\"]}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("'end_ts' is required");

    HttpResponse<String> views = post(server, "/materialize-incremental", "{\"end_ts\":\"2024-01-01\",\"feature_views\":\"a\"}");
    assertThat(views.statusCode()).isEqualTo(400);
    assertThat(views.body()).contains("'feature_views'");

    HttpResponse<String> flag = post(server, "/materialize-incremental?async=maybe", "{\"end_ts\":\"2024-01-01\"}");
    assertThat(flag.statusCode()).isEqualTo(400);
    assertThat(materializer.calls).isEmpty();
  }

  @Test
  void anUnknownViewIs404() throws Exception {
    HttpResponse<String> response = post(server, "/materialize", """
        {"start_ts":"2024-01-01","end_ts":"2024-01-02","feature_views":["nope"]}""");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("FeatureViewNotFoundException").contains("nope");
    assertThat(materializer.calls).isEmpty();
  }

  @Test
  void withoutAMaterializerTheEndpointsAre503() throws Exception {
    HttpResponse<String> response = post(bare, "/materialize", """
        {"start_ts":"2024-01-01","end_ts":"2024-01-02"}""");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("materialization is not available on this server");
    assertThat(post(bare, "/materialize-incremental", "{\"end_ts\":\"2024-01-02\"}").statusCode()).isEqualTo(503);
  }

  private HttpResponse<String> post(OnlineServer target, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.restPort() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private static void waitFor(Check check) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!check.ok()) {
      assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Views a, b, c exist (a and b online); records each run, optionally held on a gate or failing. */
  private static final class RecordingMaterializer implements Materializer {
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    volatile CountDownLatch gate;
    volatile RuntimeException failure;

    @Override
    public List<String> featureViews(List<String> requested) {
      for (String view : requested) {
        if (!List.of("a", "b", "c").contains(view)) {
          throw new FeatureStoreException(ErrorCode.FEATURE_VIEW_NOT_FOUND, "Feature view " + view + " does not exist");
        }
      }
      return requested.isEmpty() ? List.of("a", "b") : requested;
    }

    @Override
    public Result materialize(List<String> views, Instant start, Instant end) {
      return run("materialize " + views + " " + start + " " + end, views);
    }

    @Override
    public Result materializeIncremental(List<String> views, Instant end) {
      return run("incremental " + views + " " + end, views);
    }

    private Result run(String call, List<String> views) {
      CountDownLatch held = gate;
      try {
        if (held != null && !held.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("gate never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (failure != null) {
        throw failure;
      }
      calls.add(call);
      return new Result(views, 1);
    }
  }
}
