package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.cli.sample.SampleDataOptions;
import dev.featurestore.onlineserver.OnlineServer;
import dev.featurestore.onlineserver.OnlineServerConfig;
import dev.featurestore.onlineserver.serving.RegistrySnapshotSource;
import dev.featurestore.registry.cache.CachedRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The sample repository applied, materialized through the CLI and served in-process on free ports,
 * as {@code make up} does. Closes the server, the registry cache, the online store and the
 * workspace together.
 */
final class SampleServer implements AutoCloseable {
  static final Instant NOW = SampleDataOptions.startOfTodayUtc();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Path repo;
  private final MaterializationSession session;
  private final CachedRegistry registry;
  private final OnlineServer server;
  private final String apiKey;

  private SampleServer(Path repo, MaterializationSession session, CachedRegistry registry, OnlineServer server,
      String apiKey) {
    this.repo = repo;
    this.session = session;
    this.registry = registry;
    this.server = server;
    this.apiKey = apiKey;
  }

  static SampleServer start(Path tmp) {
    return start(tmp, "", null);
  }

  /**
   * @param extraYaml appended to the sample's feature_store.yaml (e.g. a {@code server:} section)
   * @param apiKey sent by {@link #call} when the section switches auth on, else null
   */
  static SampleServer start(Path tmp, String extraYaml, String apiKey) {
    Path repo = TestRepos.sample(tmp);
    if (!extraYaml.isEmpty()) {
      Path yaml = repo.resolve("feature_store.yaml");
      TestRepos.write(yaml, TestRepos.read(yaml) + "\n" + extraYaml);
    }
    CliRun apply = CliRun.of("-c", repo.toString(), "apply");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    CliRun materialize = MaterializeCli.run("-c", repo.toString(), "materialize",
        NOW.minus(Duration.ofDays(30)).toString(), NOW.toString());
    assertThat(materialize.exitCode()).as(materialize.toString()).isZero();

    // As `serve` does: the session's stores also back the server's /materialize endpoints.
    MaterializationSession session = MaterializationSession.open(repo, new PrintWriter(new StringWriter()));
    CachedRegistry registry = CachedRegistry.forConfig(session.workspace().store(), session.config());
    OnlineServerConfig config = OnlineServerConfig.from(session.config().server()).withPorts(0, 0);
    OnlineServer server = OnlineServer.start(config, RegistrySnapshotSource.of(registry), session.onlineStore(),
        Clock.systemUTC(), Optional.of(new EngineMaterializer(session)));
    SampleServer sample = new SampleServer(repo, session, registry, server, apiKey);
    sample.warmUp();
    return sample;
  }

  /**
   * The first reads pay for class loading and connection set-up and can overrun the read deadline
   * (503); the tests are about answers, not cold starts, so read until one succeeds.
   */
  private void warmUp() {
    int status = 0;
    for (int attempt = 0; attempt < 20 && status != 200; attempt++) {
      status = call("/api/v1/features/user/user_00001", null).statusCode();
    }
    assertThat(status).as("a warm-up read succeeds").isEqualTo(200);
  }

  /** The applied repository's folder. */
  Path workspaceDir() {
    return repo;
  }

  OnlineServer server() {
    return server;
  }

  int restPort() {
    return server.restPort();
  }

  int grpcPort() {
    return server.grpcPort();
  }

  /** GET or POST (when {@code json} is not null) on the REST port. */
  HttpResponse<String> call(String path, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + restPort() + path))
        .timeout(Duration.ofSeconds(30));
    if (apiKey != null) {
      request.header("X-API-Key", apiKey);
    }
    if (json != null) {
      request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    // Reverse order of opening: the server stops reading before its stores go.
    try {
      server.close();
    } finally {
      try {
        registry.close();
      } finally {
        session.close();
      }
    }
  }
}
