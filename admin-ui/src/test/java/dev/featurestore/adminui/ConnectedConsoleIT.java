package dev.featurestore.adminui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The pages with every backend plugged in (fakes of the console's interfaces, as the CLI plugs real ones). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectedConsoleIT {

  private TestingBackends backends;
  private TestingConsole console;

  @BeforeAll
  void start() {
    backends = new TestingBackends();
    console = new TestingConsole(TestingConsole.newDirectory(), backends.backends);
  }

  @AfterAll
  void stop() {
    console.close();
  }

  @Test
  void overviewShowsServingFiguresProbesAndServiceLevelAlerts() {
    String page = console.viewer().get("/").body();

    assertThat(page).contains("id=\"protocols\"", "<td>rest</td>", "40.00/s", "55.0 ms", "80.0 ms", "2.0%")
        .contains("id=\"hit-rate\">80.0%", "user_credit_profile", "id=\"charts\"", "<polyline class=\"spark\"")
        .contains("7 feature views scheduled")
        .doesNotContain("metrics-not-connected");
    // REST P95 55 ms > 40 ms and errors 2% > 1%; gRPC 9 ms is within 30 ms; hit rate 80% < 85%.
    assertThat(page).contains("rest P95 latency is 55.0 ms", "rest error rate is 2.0%", "Online store hit rate is 80.0%")
        .doesNotContain("grpc P95 latency");
    // The latest finished run of user_demographics failed: critical; user_order_behavior recovered.
    assertThat(page).contains("Materialization of user_demographics failed", "offline store unreachable")
        .doesNotContain("Materialization of user_order_behavior failed");
  }

  @Test
  void jobsPageListsSchedulesAndRunsAndForwardsActions() {
    ConsoleSession operator = console.operator();
    String page = operator.get("/jobs").body();
    assertThat(page).contains("id=\"jobs\"", "every 1h", "id=\"runs\"", "offline store unreachable")
        .doesNotContain("id=\"not-connected\"");

    HttpResponse<String> response =
        operator.post("/jobs/user_demographics/trigger", Map.of("_csrf", ConsoleSession.csrf(page)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("triggered user_demographics for otto");
    assertThat(backends.jobs.actions).contains("trigger user_demographics otto");
  }

  @Test
  void lookupPageShowsTheBackendsRows() {
    String page = console.viewer().get("/lookup?service=credit_decision_v1&keys=user_id%3Duser_00042").body();
    assertThat(page).contains("id=\"lookup-rows\"", "user_credit_profile__credit_score", "712 for user_00042", "PRESENT");
  }
}
