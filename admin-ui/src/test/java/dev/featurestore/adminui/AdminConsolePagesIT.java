package dev.featurestore.adminui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.proto.RegistryProtoMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every page over plain HTTP: status, key content, security rules and headers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminConsolePagesIT {

  private static final Logger log = LoggerFactory.getLogger(AdminConsolePagesIT.class);

  static final List<String> PAGES = List.of(
      "/", "/registry", "/registry/projects", "/registry/projects/bnpl", "/registry/entities", "/registry/entities/user",
      "/registry/data-sources", "/registry/data-sources/device_risk_push", "/registry/data-sources/checkout_request",
      "/registry/feature-views", "/registry/feature-views/user_credit_profile",
      "/registry/on-demand-feature-views/checkout_risk", "/registry/label-views/fraud_labels",
      "/registry/feature-services", "/registry/feature-services/credit_decision_v1", "/registry/search?q=risk",
      "/registry/feature-views/user_spend_velocity", "/registry/data-sources/transactions_cdc",
      "/lineage", "/lineage/feature-views/user_transaction_velocity", "/freshness", "/freshness?sort=name",
      "/jobs", "/lookup", "/lookup?service=credit_decision_v1&keys=user_id%3Duser_00042");

  private TestingConsole console;

  @BeforeAll
  void start() {
    console = new TestingConsole(TestingConsole.newDirectory());
  }

  @AfterAll
  void stop() {
    console.close();
  }

  @Test
  void anonymousRequestsGoToTheLoginPage() {
    ConsoleSession anonymous = new ConsoleSession(console.port());
    HttpResponse<String> response = anonymous.get("/registry");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    HttpResponse<String> login = anonymous.get("/login");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).doesNotContain("Wrong user name or password", "You are signed out");
    assertThat(anonymous.get("/login?error").body())
        .contains("Wrong user name or password").doesNotContain("You are signed out");
    assertThat(anonymous.get("/login?logout").body()).contains("You are signed out").doesNotContain("Wrong user name");
    assertThat(anonymous.get("/static/console.css").statusCode()).isEqualTo(200);
  }

  /**
   * 2,000 requests over one kept-alive connection all get their answer. Reactor Netty 1.2 stopped
   * reading such a connection when a page finished off the event loop, the client's next request
   * arrived before the server had wound that exchange up, and that next request was answered at
   * once (see ResumeReadAfterPipelinedRequest): about one request in 50 then hung. The cycle below
   * repeats that shape (off-loop page, on-loop page, anything) with every kind of answer the console
   * gives: pages, a static file, a 304, a 302, 403s, a 404, and POSTs with and without a CSRF token.
   */
  @Test
  void manyRequestsFromOneClientAllComplete() {
    ConsoleSession operator = console.operator();
    String lastModified =
        operator.get("/static/console.css").headers().firstValue("Last-Modified").orElseThrow();
    String[] jobsToken = new String[1];
    String[] loginToken = new String[1];
    List<KeepAliveStep> cycle = List.of(
        new KeepAliveStep("GET object page", 200, () -> operator.get("/registry/feature-views/user_credit_profile")),
        new KeepAliveStep("GET static file", 200, () -> operator.get("/static/console.css")),
        new KeepAliveStep("GET list page", 200, () -> operator.get("/registry/entities")),
        new KeepAliveStep("GET jobs", 200, () -> {
          HttpResponse<String> jobs = operator.get("/jobs");
          jobsToken[0] = ConsoleSession.csrf(jobs.body());
          return jobs;
        }),
        new KeepAliveStep("GET static file, not modified", 304,
            () -> operator.get("/static/console.css", Map.of("If-Modified-Since", lastModified))),
        new KeepAliveStep("POST job action", 503,
            () -> operator.post("/jobs/user_demographics/trigger", Map.of("_csrf", jobsToken[0]))),
        new KeepAliveStep("GET unknown object", 404, () -> operator.get("/registry/feature-views/nope")),
        new KeepAliveStep("POST without CSRF token", 403,
            () -> operator.post("/jobs/user_demographics/pause", Map.of())),
        new KeepAliveStep("GET overview", 200, () -> operator.get("/")),
        new KeepAliveStep("GET login page", 200, () -> {
          HttpResponse<String> login = operator.get("/login");
          loginToken[0] = ConsoleSession.csrf(login.body());
          return login;
        }),
        new KeepAliveStep("POST login", 302, () -> {
          HttpResponse<String> signedIn = operator.post("/login", Map.of("username", TestingConsole.OPERATOR,
              "password", TestingConsole.OPERATOR_PASSWORD, "_csrf", loginToken[0]));
          assertThat(signedIn.headers().firstValue("Location")).hasValue("/");
          return signedIn;
        }),
        new KeepAliveStep("GET lineage", 200, () -> operator.get("/lineage")),
        new KeepAliveStep("GET search", 200, () -> operator.get("/registry/search?q=risk")));
    for (int i = 0; i < 2000; i++) {
      KeepAliveStep step = cycle.get(i % cycle.size());
      HttpResponse<String> response;
      try {
        response = step.request().get(); // each request times out after 10 s
      } catch (IllegalStateException e) {
        throw new AssertionError("request " + i + " (" + step.name() + ") got no answer", e);
      }
      assertThat(response.statusCode()).as("request %d: %s", i, step.name()).isEqualTo(step.status());
      assertThat(response.headers().firstValue("Connection")).as("request %d: %s", i, step.name()).isEmpty();
    }
  }

  private record KeepAliveStep(String name, int status, Supplier<HttpResponse<String>> request) {}

  @Test
  void wrongPasswordIsRejected() {
    HttpResponse<String> response = new ConsoleSession(console.port()).login(TestingConsole.VIEWER, "nope");
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
  }

  @Test
  void everyPageRendersForAViewer() {
    ConsoleSession viewer = console.viewer();
    for (String page : PAGES) { // the first request of each page compiles its template
      log.info("warming {}", page);
      viewer.get(page);
    }
    for (String page : PAGES) {
      long started = System.nanoTime();
      HttpResponse<String> response = viewer.get(page);
      long micros = (System.nanoTime() - started) / 1000;
      log.info("GET {} -> {} in {} ms", page, response.statusCode(), micros / 1000.0);
      assertThat(response.statusCode()).as(page).isEqualTo(200);
      assertThat(response.body()).as(page).contains("featurestore").doesNotContain("th:");
    }
  }

  @Test
  void overviewCountsMatchTheRegistry() {
    RepoContents contents = RegistryProtoMapper.fromRegistry(
        TestingConsoleRegistry.PROJECT, console.store.read(TestingConsoleRegistry.PROJECT).objects());
    String body = console.viewer().get("/").body();
    assertThat(contents.featureViews()).hasSize(9);
    assertThat(body).contains(
        "id=\"count-feature-views\">" + contents.featureViews().size() + "<",
        "id=\"count-entities\">" + contents.entities().size() + "<",
        "id=\"count-feature-services\">" + contents.featureServices().size() + "<",
        "id=\"count-on-demand-feature-views\">1<",
        "id=\"count-label-views\">1<",
        "id=\"count-data-sources\">" + contents.dataSources().size() + "<");
    assertThat(body).contains("Registry", "Online store", "not connected", "Scheduler");
    assertThat(body).contains("device_risk is past its TTL");
  }

  @Test
  void featureViewPageShowsSchemaTtlAndHistory() {
    String body = console.viewer().get("/registry/feature-views/user_credit_profile").body();
    assertThat(body).contains("id=\"ttl\">90d<", "credit_score", "credit_limit", "utilization_ratio", "open_loans",
        "Int64", "Float64", "user_credit_profile_source", "credit_decision_v1", "group=risk");
    assertThat(body).contains("CREATE", "UPDATE", "materialized user_credit_profile");
  }

  @Test
  void streamFeatureViewPageShowsKindSourceAndAggregations() {
    String body = console.viewer().get("/registry/feature-views/" + TestingConsoleRegistry.STREAM_VIEW).body();
    assertThat(body).contains("id=\"view-kind\">StreamFeatureView<", "id=\"timestamp-field\">created_at<",
        TestingConsoleRegistry.CDC_SOURCE, "PostgresCdcSource", "id=\"aggregations\"");
    String table = body.substring(body.indexOf("id=\"aggregations\""), body.indexOf("</table>", body.indexOf("id=\"aggregations\"")));
    assertThat(table.replaceAll("\\s+", " ")).contains(
        "<td class=\"name\">amount</td> <td>sum</td> <td>1h</td> <td><span>1h</span> <span class=\"muted\">(tumbling)</span></td> <td class=\"name\">sum_amount_3600s</td>",
        "<td class=\"name\">amount</td> <td>count</td> <td>1d</td> <td><span>1h</span> </td> <td class=\"name\">txn_count_1d</td>");
    // Its apply history, though stored as a StreamFeatureView.
    assertThat(body).contains("<td>CREATE</td>").doesNotContain("No recorded changes.");
    assertThat(console.viewer().get("/registry/feature-views/user_credit_profile").body())
        .contains("id=\"view-kind\">FeatureView<").doesNotContain("id=\"aggregations\"");
    assertThat(console.viewer().get("/registry/feature-views").body())
        .contains("stream feature view, 2 aggregations");
  }

  @Test
  void cdcSourcePageShowsTableDelayAndBatchSource() {
    String body = console.viewer().get("/registry/data-sources/" + TestingConsoleRegistry.CDC_SOURCE).body()
        .replaceAll("\\s+", " ");
    assertThat(body).contains("<dt>Kind</dt> <dd>PostgresCdcSource</dd>", "<dt>Table</dt> <dd>public.transactions</dd>",
        "<dt>Watermark delay</dt> <dd>45s</dd>", "<dt>Batch source</dt>", "user_demographics_source",
        TestingConsoleRegistry.STREAM_VIEW);
  }

  @Test
  void onDemandViewSourceIsEscapedText() {
    String body = console.viewer().get("/registry/on-demand-feature-views/checkout_risk").body();
    assertThat(body).contains("&gt; 100 and 1 &lt; 2", "&quot;&lt;i&gt;high&lt;/i&gt;&quot;", "checkout_request");
  }

  @Test
  void userTextIsEscapedEverywhere() {
    ConsoleSession viewer = console.viewer();
    for (String page : List.of("/registry/feature-views/xss_view", "/registry/feature-views", "/registry",
        "/registry/search?q=alert")) {
      String body = viewer.get(page).body();
      assertThat(body).as(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;")
          .doesNotContain("<script>alert(1)").doesNotContain("<b>x</b>").doesNotContain("<i>t</i>");
    }
    String search = viewer.get("/registry/search?q=%3Cscript%3E").body();
    assertThat(search).contains("&lt;script&gt;").doesNotContain("<q><script>");
  }

  @Test
  void searchFindsByNameTagAndDescription() {
    ConsoleSession viewer = console.viewer();
    assertThat(viewer.get("/registry/search?q=team%3Dfraud").body())
        .contains("user_transaction_velocity", "device_risk").doesNotContain(">user_demographics<");
    assertThat(viewer.get("/registry/search?q=bureau").body()).contains("user_credit_profile");
    assertThat(viewer.get("/registry/search?q=missed_payments").body()).contains("user_repayment_risk");
  }

  @Test
  void lineageLinksEveryObject() {
    String body = console.viewer().get("/lineage").body();
    assertThat(body).contains("<svg", "href=\"/registry/feature-services/credit_decision_v1\"",
        "href=\"/registry/data-sources/device_risk_push\"", "href=\"/registry/on-demand-feature-views/checkout_risk\"");
    String one = console.viewer().get("/lineage/feature-views/device_risk").body();
    assertThat(one).contains("device_risk_source", "fraud_check_v1").doesNotContain("credit_decision_v1");
  }

  @Test
  void freshnessListsStalestFirst() {
    String body = console.viewer().get("/freshness").body();
    assertThat(body.indexOf("data-view=\"device_risk\"")).isPositive();
    // never materialized first, then expired (8 days), stale (5 h), fresh (30 min)
    assertThat(body.indexOf("data-view=\"merchant_features\"")).isLessThan(body.indexOf("data-view=\"device_risk\""));
    assertThat(body.indexOf("data-view=\"device_risk\"")).isLessThan(body.indexOf("data-view=\"user_credit_profile\""));
    assertThat(body.indexOf("data-view=\"user_credit_profile\"")).isLessThan(body.indexOf("data-view=\"user_demographics\""));
    assertThat(body).contains("expired", "stale", "fresh", "never materialized", "<svg");
  }

  @Test
  void viewerCannotTriggerJobsOperatorCan() {
    ConsoleSession viewer = console.viewer();
    String token = ConsoleSession.csrf(viewer.get("/jobs").body());
    assertThat(viewer.post("/jobs/user_demographics/trigger", Map.of("_csrf", token)).statusCode()).isEqualTo(403);

    ConsoleSession operator = console.operator();
    String page = operator.get("/jobs").body();
    assertThat(page).contains("action=\"/jobs/user_demographics/trigger\"");
    HttpResponse<String> response =
        operator.post("/jobs/user_demographics/trigger", Map.of("_csrf", ConsoleSession.csrf(page)));
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("not connected");
  }

  @Test
  void postsWithoutCsrfTokenAreRejected() {
    ConsoleSession operator = console.operator();
    assertThat(operator.post("/jobs/user_demographics/pause", Map.of()).statusCode()).isEqualTo(403);
    assertThat(operator.post("/jobs/user_demographics/pause", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
    assertThat(new ConsoleSession(console.port()).post("/login", Map.of("username", "otto", "password", "operator-secret"))
        .statusCode()).isEqualTo(403);
  }

  @Test
  void securityHeadersAreSet() {
    HttpResponse<String> response = console.viewer().get("/");
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline"));
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
  }

  @Test
  void unknownObjectsAre404() {
    ConsoleSession viewer = console.viewer();
    assertThat(viewer.get("/registry/feature-views/nope").statusCode()).isEqualTo(404);
    assertThat(viewer.get("/registry/widgets").statusCode()).isEqualTo(404);
    assertThat(viewer.get("/lineage/feature-views/nope").statusCode()).isEqualTo(404);
  }
}
