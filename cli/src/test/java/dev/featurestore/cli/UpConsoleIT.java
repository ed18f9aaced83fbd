package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.featurestore.adminui.AdminConsoleConfig;
import dev.featurestore.core.materialize.MaterializationListener;
import dev.featurestore.materializer.MaterializationRun;
import dev.featurestore.materializer.RunStatus;
import dev.featurestore.testing.DebianChromium;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The pieces of {@code featurestore up} in-process on the sample repository, on free ports: the
 * console shows the scheduler's jobs, runs what an operator triggers, looks features up through the
 * online server's service and reports the server's metrics.
 */
class UpConsoleIT {
  private static final String OPERATOR = "otto";
  private static final String PASSWORD = "operator-secret";

  @TempDir Path tmp;

  @Test
  void consoleIsConnectedToTheServerAndTheScheduler() throws Exception {
    Path repo = TestRepos.sample(tmp);
    Path yaml = repo.resolve("feature_store.yaml");
    String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
    TestRepos.write(yaml, TestRepos.read(yaml) + "\nserver:\n  console:\n    users:\n      - name: " + OPERATOR
        + "\n        password_hash: \"" + hash + "\"\n        role: operator\n");
    StringWriter printed = new StringWriter();
    PrintWriter out = new PrintWriter(printed, true);
    try (MaterializationSession session = MaterializationSession.open(repo, out)) {
      session.workspace().applier().apply(session.workspace().loadDefinitions());
      session.engine(MaterializationListener.NONE)
          .materializeIncremental(session.config().project(), Instant.now(), List.of());
      AdminConsoleConfig consoleConfig = UiCommand.consoleConfig(session.workspace(), 0);
      try (UpStack stack = UpStack.start(session, 0, 0, Optional.of(consoleConfig), out)) {
        ConsoleClient console = new ConsoleClient(stack.console().orElseThrow().port());
        assertThat(console.login(OPERATOR, PASSWORD).headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));

        triggersAJobAndSeesItInTheHistory(console, stack);
        browserTriggersAJobAndSeesItInTheHistory(stack.console().orElseThrow().port(), stack);
        looksUpAUser(console);
        overviewShowsLiveHealthAndMetrics(console, stack);
      }
    }
  }

  private static void triggersAJobAndSeesItInTheHistory(ConsoleClient console, UpStack stack) throws Exception {
    String jobs = console.get("/jobs").body();
    assertThat(jobs).contains("id=\"jobs\"", "action=\"/jobs/user_demographics/trigger\"")
        .doesNotContain("id=\"not-connected\"");
    long before = runsOf(stack, "user_demographics");

    HttpResponse<String> triggered =
        console.post("/jobs/user_demographics/trigger", Map.of("_csrf", ConsoleClient.csrf(jobs)));

    assertThat(triggered.statusCode()).as(triggered.body()).isEqualTo(200);
    assertThat(triggered.body()).contains("Triggered a run of user_demographics");
    Instant deadline = Instant.now().plusSeconds(60);
    while (runsOf(stack, "user_demographics") == before || running(stack)) {
      assertThat(Instant.now()).as("the triggered run finished").isBefore(deadline);
      Thread.sleep(200);
    }
    assertThat(stack.scheduler().history(Optional.of("user_demographics"), 1))
        .extracting(MaterializationRun::status).containsExactly(RunStatus.SUCCEEDED);
    String after = console.get("/jobs").body();
    assertThat(after.substring(after.indexOf("id=\"runs\""))).contains("<td>user_demographics</td>", "succeeded");
  }

  /** The same through Chromium: an operator clicks Trigger on the Jobs page, the run shows up in history. */
  private static void browserTriggersAJobAndSeesItInTheHistory(int port, UpStack stack) throws Exception {
    Path screenshots = Path.of("target", "screenshots");
    java.nio.file.Files.createDirectories(screenshots);
    try (Playwright playwright = DebianChromium.playwright();
        Browser browser = DebianChromium.launch(playwright);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
            .setBaseURL("http://localhost:" + port).setViewportSize(1400, 900))) {
      Page page = context.newPage();
      page.navigate("/login");
      page.locator("input[name=username]").fill(OPERATOR);
      page.locator("input[name=password]").fill(PASSWORD);
      page.locator("button[type=submit]").click();
      page.waitForURL(url -> !url.contains("/login"));
      long before = runsOf(stack, "user_credit_profile");
      page.navigate("/jobs");
      page.waitForNavigation(() -> page.locator("form[action='/jobs/user_credit_profile/trigger'] button").click());
      assertThat(page.locator("#action-result").textContent()).contains("Triggered a run of user_credit_profile");
      Instant deadline = Instant.now().plusSeconds(60);
      while (runsOf(stack, "user_credit_profile") == before || running(stack)) {
        assertThat(Instant.now()).as("the triggered run finished").isBefore(deadline);
        Thread.sleep(200);
      }
      page.navigate("/jobs");
      assertThat(page.locator("#runs tbody tr", new Page.LocatorOptions().setHasText("user_credit_profile")).count())
          .isPositive();
      page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("up-jobs.png")).setFullPage(true));
    }
  }

  private static long runsOf(UpStack stack, String view) {
    return stack.scheduler().history(Optional.of(view), 100).size();
  }

  private static boolean running(UpStack stack) {
    return stack.scheduler().history(Optional.empty(), 100).stream().anyMatch(r -> r.status() == RunStatus.RUNNING);
  }

  private static void looksUpAUser(ConsoleClient console) {
    String page = console.get("/lookup?service=credit_decision_v1&keys=user_id%3Duser_00042").body();
    assertThat(page).contains("id=\"lookup-rows\"", "user_credit_profile__", "PRESENT")
        .doesNotContain("id=\"not-connected\"", "id=\"lookup-message\"");
  }

  private static void overviewShowsLiveHealthAndMetrics(ConsoleClient console, UpStack stack) throws Exception {
    HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + stack.server().server().restPort() + "/get-online-features"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"feature_service\": \"credit_decision_v1\", \"entities\": {\"user_id\": [\"user_00042\"]}}"))
        .timeout(Duration.ofSeconds(20))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(rest.statusCode()).as(rest.body()).isEqualTo(200);

    String overview = console.get("/").body();

    assertThat(overview).contains("feature views scheduled", "health check answered in", "REST port")
        .contains("id=\"protocols\"", "<td>rest</td>", "id=\"hit-rate\"", "id=\"view-hit-rates\"")
        .doesNotContain("metrics-not-connected", "not reported to the console yet");
  }
}
