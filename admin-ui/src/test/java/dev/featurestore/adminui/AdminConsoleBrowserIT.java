package dev.featurestore.adminui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.proto.RegistryProtoMapper;
import dev.featurestore.testing.DebianChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console in Debian's Chromium: sign in, open every page (saving a screenshot of each under
 * target/screenshots/), compare figures with the registry, and check roles, CSRF, escaping and
 * that the content security policy blocks nothing the pages need.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminConsoleBrowserIT {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Map<String, String> PAGES = new java.util.LinkedHashMap<>();

  static {
    PAGES.put("overview", "/");
    PAGES.put("registry", "/registry");
    PAGES.put("projects", "/registry/projects");
    PAGES.put("entities", "/registry/entities");
    PAGES.put("entity", "/registry/entities/user");
    PAGES.put("data-sources", "/registry/data-sources");
    PAGES.put("data-source", "/registry/data-sources/device_risk_push");
    PAGES.put("feature-views", "/registry/feature-views");
    PAGES.put("feature-view", "/registry/feature-views/user_credit_profile");
    PAGES.put("on-demand-feature-view", "/registry/on-demand-feature-views/checkout_risk");
    PAGES.put("label-view", "/registry/label-views/fraud_labels");
    PAGES.put("feature-services", "/registry/feature-services");
    PAGES.put("feature-service", "/registry/feature-services/credit_decision_v1");
    PAGES.put("search", "/registry/search?q=risk");
    PAGES.put("lineage", "/lineage");
    PAGES.put("lineage-object", "/lineage/feature-views/user_transaction_velocity");
    PAGES.put("freshness", "/freshness");
    PAGES.put("jobs", "/jobs");
    PAGES.put("lookup", "/lookup?service=credit_decision_v1&keys=user_id%3Duser_00042");
  }

  private TestingConsole console;
  private TestingConsole connected;
  private RepoContents contents;
  private Playwright playwright;
  private Browser browser;

  @BeforeAll
  void start() throws Exception {
    console = new TestingConsole(TestingConsole.newDirectory());
    contents = RegistryProtoMapper.fromRegistry(
        TestingConsoleRegistry.PROJECT, console.store.read(TestingConsoleRegistry.PROJECT).objects());
    Files.createDirectories(SCREENSHOTS);
    playwright = DebianChromium.playwright();
    browser = DebianChromium.launch(playwright);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (connected != null) {
      connected.close();
    }
    if (console != null) {
      console.close();
    }
  }

  @Test
  void everyPageRendersWithFiguresFromTheRegistry() throws Exception {
    try (BrowserContext context = newContext()) {
      Page page = signIn(context, TestingConsole.OPERATOR, TestingConsole.OPERATOR_PASSWORD);
      List<String> consoleErrors = new ArrayList<>();
      page.onConsoleMessage(m -> {
        if (m.type().equals("error")) {
          consoleErrors.add(m.text());
        }
      });
      for (Map.Entry<String, String> entry : PAGES.entrySet()) {
        Response response = page.navigate(entry.getValue());
        assertThat(response.status()).as(entry.getValue()).isEqualTo(200);
        assertThat(page.locator("header.top").isVisible()).isTrue();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(entry.getKey() + ".png")).setFullPage(true));
      }
      assertThat(consoleErrors).as("CSP violations or script errors").isEmpty();

      page.navigate("/");
      assertThat(page.locator("#count-feature-views").textContent()).isEqualTo(String.valueOf(contents.featureViews().size()));
      assertThat(page.locator("#count-entities").textContent()).isEqualTo(String.valueOf(contents.entities().size()));
      assertThat(page.locator("#count-feature-services").textContent())
          .isEqualTo(String.valueOf(contents.featureServices().size()));
      assertThat(page.locator("#health").textContent()).contains("Registry", "up", "Online store", "not connected");

      FeatureView credit = contents.featureView("user_credit_profile").orElseThrow();
      page.navigate("/registry/feature-views/user_credit_profile");
      assertThat(page.locator("#ttl").textContent()).isEqualTo(credit.ttl().toDays() + "d");
      assertThat(page.locator("#features tbody tr").count()).isEqualTo(credit.features().size());
      assertThat(page.locator("#features td.name").allTextContents())
          .containsExactlyElementsOf(credit.features().stream().map(f -> f.name()).toList());

      page.navigate("/lineage");
      assertThat(page.locator("#lineage a.node").count()).isGreaterThanOrEqualTo(
          contents.featureViews().size() + contents.featureServices().size() + contents.dataSources().size());
      page.locator("#lineage a.node-feature-services").first().click();
      assertThat(page.url()).contains("/registry/feature-services/");

      page.navigate("/freshness");
      assertThat(page.locator("#freshness tbody tr").count()).isEqualTo(contents.featureViews().size());
    }
  }

  @Test
  void userTextIsShownAsText() {
    try (BrowserContext context = newContext()) {
      Page page = signIn(context, TestingConsole.VIEWER, TestingConsole.VIEWER_PASSWORD);
      boolean[] dialog = {false};
      page.onDialog(d -> {
        dialog[0] = true;
        d.dismiss();
      });
      page.navigate("/registry/feature-views/" + TestingConsoleRegistry.XSS_VIEW);
      assertThat(page.locator("p.description").textContent()).isEqualTo(TestingConsoleRegistry.XSS_DESCRIPTION);
      assertThat(page.locator("main b").count()).isZero();
      assertThat(page.locator("main script").count()).isZero();
      assertThat(page.locator("main i").count()).isZero();
      assertThat(page.locator("main").textContent()).contains("team=<i>t</i>");
      page.navigate("/registry/on-demand-feature-views/" + TestingConsoleRegistry.ODFV);
      assertThat(page.locator("#udf-source").textContent()).isEqualTo(TestingConsoleRegistry.UDF_SOURCE);
      page.navigate("/registry/search?q=alert");
      assertThat(page.locator("#hits").textContent()).contains(TestingConsoleRegistry.XSS_VIEW);
      assertThat(dialog[0]).as("a script ran").isFalse();
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("escaping.png")).setFullPage(true));
    }
  }

  @Test
  void viewerIsForbiddenJobActionsOperatorIsNot() {
    try (BrowserContext viewerContext = newContext()) {
      Page viewer = signIn(viewerContext, TestingConsole.VIEWER, TestingConsole.VIEWER_PASSWORD);
      viewer.navigate("/jobs");
      assertThat(viewer.locator("td.actions button").count()).isZero();
      String token = viewer.locator("input[name=_csrf]").first().getAttribute("value");
      APIResponse forbidden = viewer.request().post("/jobs/user_demographics/trigger",
          RequestOptions.create().setForm(FormData.create().set("_csrf", token)).setMaxRedirects(0));
      assertThat(forbidden.status()).isEqualTo(403);
    }
    try (BrowserContext operatorContext = newContext()) {
      Page operator = signIn(operatorContext, TestingConsole.OPERATOR, TestingConsole.OPERATOR_PASSWORD);
      operator.navigate("/jobs");
      Response response = operator.waitForNavigation(
          () -> operator.locator("form[action='/jobs/user_demographics/trigger'] button").click());
      assertThat(response.status()).isEqualTo(503);
      assertThat(operator.locator("#action-result").textContent()).contains("not connected");
      operator.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("jobs-action.png")).setFullPage(true));

      APIResponse noToken = operator.request().post("/jobs/user_demographics/pause",
          RequestOptions.create().setForm(FormData.create().set("x", "1")).setMaxRedirects(0));
      assertThat(noToken.status()).as("CSRF").isEqualTo(403);
    }
  }

  @Test
  void signOutEndsTheSession() {
    try (BrowserContext context = newContext()) {
      Page page = signIn(context, TestingConsole.VIEWER, TestingConsole.VIEWER_PASSWORD);
      page.locator("header .user button").click();
      page.waitForURL("**/login?logout");
      page.navigate("/registry");
      assertThat(page.url()).endsWith("/login");
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("login.png")));
    }
  }

  /** With every backend plugged in (fakes): the overview's serving figures, jobs and a lookup. */
  @Test
  void connectedPagesShowServingFiguresJobsAndLookups() throws Exception {
    // Closed with the other console in stop(): closing a WebFlux context disposes Reactor Netty's
    // global loop resources, which would stop the other console's server too.
    connected = new TestingConsole(TestingConsole.newDirectory(), new TestingBackends().backends);
    try (BrowserContext context = newContext(connected)) {
      Page page = signIn(context, TestingConsole.OPERATOR, TestingConsole.OPERATOR_PASSWORD);
      page.navigate("/");
      assertThat(page.locator("#protocols tbody tr").count()).isEqualTo(2);
      assertThat(page.locator("#hit-rate").textContent()).isEqualTo("80.0%");
      assertThat(page.locator("#charts svg polyline").count()).isEqualTo(1);
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("connected-overview.png")).setFullPage(true));
      page.navigate("/jobs");
      assertThat(page.locator("#runs tbody tr").count()).isEqualTo(4);
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("connected-jobs.png")).setFullPage(true));
      page.navigate("/lookup?service=credit_decision_v1&keys=user_id%3Duser_00042");
      assertThat(page.locator("#lookup-rows tbody tr").count()).isEqualTo(1);
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("connected-lookup.png")).setFullPage(true));
    }
  }

  private BrowserContext newContext() {
    return newContext(console);
  }

  private BrowserContext newContext(TestingConsole target) {
    return browser.newContext(new Browser.NewContextOptions()
        .setBaseURL("http://localhost:" + target.port())
        .setViewportSize(1400, 900));
  }

  private static Page signIn(BrowserContext context, String user, String password) {
    Page page = context.newPage();
    page.navigate("/login");
    page.locator("input[name=username]").fill(user);
    page.locator("input[name=password]").fill(password);
    page.locator("button[type=submit]").click();
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }
}
