package dev.featurestore.adminui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.adminui.jobs.NotConnectedJobsBackend;
import dev.featurestore.adminui.lookup.NotConnectedLookupBackend;
import dev.featurestore.adminui.overview.NotConnectedMetricsSource;
import dev.featurestore.adminui.streams.ListedStreams;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.proto.RegistryProtoMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The streams page and its overview alerts, over a backend listing a healthy CDC stream and a
 * failing Kafka stream whose names carry HTML; and the empty state of a console without streams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamsPageIT {

  private TestingConsole withStreams;
  private TestingConsole withoutStreams;

  @BeforeAll
  void start() {
    ConsoleBackends backends = new ConsoleBackends(List.of(), List.of(), new NotConnectedJobsBackend(),
        new NotConnectedLookupBackend(), new NotConnectedMetricsSource(), ListedStreams.sampleAsOfNow());
    withStreams = new TestingConsole(TestingConsole.newDirectory(), backends);
    withoutStreams = new TestingConsole(TestingConsole.newDirectory());
  }

  @AfterAll
  void stop() {
    // Both at the end: closing a WebFlux context disposes Reactor Netty's shared loops.
    withStreams.close();
    withoutStreams.close();
  }

  @Test
  void everyStreamShowsItsFigures() {
    HttpResponse<String> response = withStreams.viewer().get("/streams");
    String page = response.body();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(page).contains("href=\"/streams\" class=\"active\"", "id=\"streams\"").doesNotContain("id=\"no-streams\"");
    String cdc = row(page, "cdc");
    assertThat(cdc).contains("PostgreSQL CDC", "badge up", ">running<", "12,345", "41.50/s", "120 ms", "850 ms",
            "0/16B3748", "href=\"/registry/data-sources/user_profile_cdc\"",
            "href=\"/registry/feature-views/user_credit_profile\"", "href=\"/registry/feature-views/user_demographics\"")
        .doesNotContain("in the last minute", "warning");
    assertThat(cdc).containsPattern(">[12]s ago<");
    String kafka = row(page, "tx_&lt;script&gt;");
    assertThat(kafka).contains("Kafka", "badge down", ">not running<", "(4 in the last minute)", "2.0 s", "7.5 s",
            "0.25/s")
        .containsPattern("class=\"late num\">0<")
        .containsPattern(">1m 3[4-5]s ago<");
    // Positions sorted by partition.
    assertThat(kafka.indexOf("transactions-0")).isLessThan(kafka.indexOf("transactions-1"));
    assertThat(page).contains("id=\"lag-alert\">5.0 s<");
  }

  @Test
  void namesAndErrorsFromRepositoriesAreEscaped() {
    String page = withStreams.viewer().get("/streams").body();

    assertThat(page).doesNotContain("<script>alert(1)", "<b>x</b>", "<i>retrying</i>")
        .contains("tx_&lt;script&gt;alert(1)&lt;/script&gt;", "velocity_&lt;b&gt;x&lt;/b&gt;",
            "broker localhost:9092 unreachable &lt;i&gt;retrying&lt;/i&gt;")
        // Path segments are URL-encoded, so a name cannot break out of the link either.
        .contains("href=\"/registry/data-sources/tx_%3Cscript%3Ealert(1)%3C/script%3E\"")
        .doesNotContain("href=\"/registry/data-sources/tx_<");
  }

  @Test
  void overviewRaisesTheStreamAlerts() {
    String page = withStreams.viewer().get("/").body();

    assertThat(page).contains("Stream tx_&lt;script&gt;alert(1)&lt;/script&gt; is not running",
            "Last error: broker localhost:9092 unreachable &lt;i&gt;retrying&lt;/i&gt;",
            "Stream tx_&lt;script&gt;alert(1)&lt;/script&gt; lag P99 is 7.5 s",
            "Stream tx_&lt;script&gt;alert(1)&lt;/script&gt; skipped 4 bad records in the last minute")
        .doesNotContain("Stream cdc", "<script>alert(1)");
    // Most urgent first: the critical one before both warnings.
    assertThat(page.indexOf("is not running")).isLessThan(page.indexOf("lag P99 is"));
  }

  @Test
  void withoutStreamsThePageExplainsTheConfiguration() {
    String page = withoutStreams.viewer().get("/streams").body();

    assertThat(page).contains("id=\"no-streams\"", "No streams configured", "no stream engine reports to this console",
            "materializer.streaming", "lag_alert", "PostgresCdcSource")
        .doesNotContain("id=\"streams\"");
    // The registry's views that read a Kafka or CDC source, which up would stream.
    List<FeatureView> streamed = contents(withoutStreams).featureViews().stream()
        .filter(v -> v.streamSource().map(s -> s.kindName().equals("KafkaSource")
            || s.kindName().equals("PostgresCdcSource")).orElse(false))
        .toList();
    if (streamed.isEmpty()) {
      assertThat(page).contains("id=\"no-streamed-views\"");
    }
    for (FeatureView view : streamed) {
      assertThat(page).contains("href=\"/registry/feature-views/" + view.name() + "\"",
          "href=\"/registry/data-sources/" + view.streamSource().orElseThrow().name() + "\"");
    }
    assertThat(withoutStreams.viewer().get("/").body()).doesNotContain("is not running", "lag P99", "bad record");
  }

  private static RepoContents contents(TestingConsole console) {
    return RegistryProtoMapper.fromRegistry(
        TestingConsoleRegistry.PROJECT, console.store.read(TestingConsoleRegistry.PROJECT).objects());
  }

  /** The table row whose first cell starts with the stream's (escaped) name. */
  private static String row(String page, String escapedName) {
    Matcher rows = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(page);
    while (rows.find()) {
      if (rows.group(1).contains("<span class=\"name stream-name\">" + escapedName)) {
        return rows.group(1);
      }
    }
    throw new AssertionError("no row for stream " + escapedName + " in:\n" + page);
  }
}
