package dev.featurestore.adminui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import dev.featurestore.adminui.jobs.NotConnectedJobsBackend;
import dev.featurestore.adminui.lookup.NotConnectedLookupBackend;
import dev.featurestore.adminui.overview.NotConnectedMetricsSource;
import dev.featurestore.adminui.streams.ListedStreams;
import dev.featurestore.testing.DebianChromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The streams page in Debian's Chromium, as AdminConsoleBrowserIT drives the other pages: reached
 * from the navigation, names shown as text (no script runs, no markup), links to the registry, and
 * the empty state. Screenshots go to target/screenshots/streams.png and streams-empty.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamsBrowserIT {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private TestingConsole withStreams;
  private TestingConsole withoutStreams;
  private Playwright playwright;
  private Browser browser;

  @BeforeAll
  void start() throws Exception {
    ConsoleBackends backends = new ConsoleBackends(List.of(), List.of(), new NotConnectedJobsBackend(),
        new NotConnectedLookupBackend(), new NotConnectedMetricsSource(), ListedStreams.sampleAsOfNow());
    withStreams = new TestingConsole(TestingConsole.newDirectory(), backends);
    withoutStreams = new TestingConsole(TestingConsole.newDirectory());
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
    if (withStreams != null) {
      withStreams.close();
    }
    if (withoutStreams != null) {
      withoutStreams.close();
    }
  }

  @Test
  void streamsPageShowsEveryStreamAsText() throws Exception {
    try (BrowserContext context = newContext(withStreams)) {
      Page page = signIn(context);
      List<String> consoleErrors = new ArrayList<>();
      page.onConsoleMessage(m -> {
        if (m.type().equals("error")) {
          consoleErrors.add(m.text());
        }
      });
      boolean[] dialog = {false};
      page.onDialog(d -> {
        dialog[0] = true;
        d.dismiss();
      });

      page.navigate("/");
      page.locator("header.top nav a[href='/streams']").click();
      page.waitForURL("**/streams");
      assertThat(page.locator("header.top nav a.active").textContent()).isEqualTo("Streams");
      assertThat(page.locator("#streams tbody tr").count()).isEqualTo(2);
      assertThat(page.locator("#streams .stream-name").allTextContents())
          .containsExactly("cdc", ListedStreams.XSS_STREAM);
      assertThat(page.locator("#streams td.views a").allTextContents())
          .containsExactly("user_credit_profile", "user_demographics", ListedStreams.XSS_VIEW);
      assertThat(page.locator("#streams td.state").allTextContents()).satisfiesExactly(
          cdc -> assertThat(cdc).contains("running").doesNotContain("not running"),
          kafka -> assertThat(kafka).contains("not running", ListedStreams.XSS_ERROR));
      assertThat(page.locator("#streams td.applied").allTextContents()).containsExactly("12,345", "10");
      assertThat(page.locator("#streams td.lag-p99").allTextContents()).containsExactly("850 ms", "7.5 s");
      assertThat(page.locator("#streams td.lag-p99.warning").count()).isEqualTo(1);
      assertThat(page.locator("main script").count()).isZero();
      assertThat(page.locator("main b").count()).isZero();
      assertThat(page.locator("main i").count()).isZero();
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("streams.png")).setFullPage(true));

      Response view = page.waitForNavigation(() -> page.locator("#streams td.views a").first().click());
      assertThat(view.status()).isEqualTo(200);
      assertThat(page.url()).endsWith("/registry/feature-views/user_credit_profile");

      page.navigate("/");
      assertThat(page.locator("ul.alerts").textContent())
          .contains("Stream " + ListedStreams.XSS_STREAM + " is not running");
      assertThat(dialog[0]).as("a script ran").isFalse();
      assertThat(consoleErrors).as("CSP violations or script errors").isEmpty();
    }
  }

  @Test
  void withoutStreamsThePageExplainsHowToConfigureThem() {
    try (BrowserContext context = newContext(withoutStreams)) {
      Page page = signIn(context);
      Response response = page.navigate("/streams");

      assertThat(response.status()).isEqualTo(200);
      assertThat(page.locator("#streams").count()).isZero();
      assertThat(page.locator("#no-streams").textContent()).contains("No streams configured", "materializer.streaming");
      page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("streams-empty.png")).setFullPage(true));
    }
  }

  private BrowserContext newContext(TestingConsole target) {
    return browser.newContext(new Browser.NewContextOptions()
        .setBaseURL("http://localhost:" + target.port())
        .setViewportSize(1400, 900));
  }

  private static Page signIn(BrowserContext context) {
    Page page = context.newPage();
    page.navigate("/login");
    page.locator("input[name=username]").fill(TestingConsole.VIEWER);
    page.locator("input[name=password]").fill(TestingConsole.VIEWER_PASSWORD);
    page.locator("button[type=submit]").click();
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }
}
