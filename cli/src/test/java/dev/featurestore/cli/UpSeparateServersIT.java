package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.adminui.AdminConsole;
import dev.featurestore.adminui.AdminConsoleConfig;
import dev.featurestore.core.materialize.MaterializationListener;
import java.io.IOException;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under {@code featurestore up} the online server's REST port and the admin console are two Netty
 * servers in one process, each on event loops of its own: closing one leaves the other serving.
 * (On Reactor Netty's shared global loops, closing either Spring context stopped both.)
 */
class UpSeparateServersIT {

  @TempDir Path tmp;

  @Test
  void serverKeepsServingAfterTheConsoleCloses() throws Exception {
    try (MaterializationSession session = session(); UpStack stack = start(session)) {
      AdminConsole console = stack.console().orElseThrow();
      int restPort = stack.server().server().restPort();
      assertThat(get(console.port(), "/login").statusCode()).isEqualTo(200);
      assertThat(get(restPort, "/health").statusCode()).isEqualTo(200);

      console.close();

      assertThat(get(restPort, "/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void consoleKeepsServingAfterTheServerCloses() throws Exception {
    try (MaterializationSession session = session(); UpStack stack = start(session)) {
      int consolePort = stack.console().orElseThrow().port();
      int restPort = stack.server().server().restPort();
      assertThat(get(restPort, "/health").statusCode()).isEqualTo(200);

      stack.server().server().close();

      assertThat(get(consolePort, "/login").statusCode()).isEqualTo(200);
      assertThat(get(consolePort, "/login").body()).contains("name=\"_csrf\"");
    }
  }

  private MaterializationSession session() throws Exception {
    Path repo = TestRepos.sample(tmp);
    PrintWriter out = new PrintWriter(new StringWriter(), true);
    MaterializationSession session = MaterializationSession.open(repo, out);
    session.workspace().applier().apply(session.workspace().loadDefinitions());
    session.engine(MaterializationListener.NONE)
        .materializeIncremental(session.config().project(), Instant.now(), List.of());
    return session;
  }

  private static UpStack start(MaterializationSession session) {
    AdminConsoleConfig consoleConfig = UiCommand.consoleConfig(session.workspace(), 0);
    return UpStack.start(session, 0, 0, Optional.of(consoleConfig), new PrintWriter(new StringWriter(), true));
  }

  /** A new client each time, so each request opens a new connection to the port. */
  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
