package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code curl} command in a {@code ```bash} block of README.md and docs/API.md works on the
 * sample repository: run as written against a server on a free port (localhost:8000 rewritten),
 * it answers 2xx, and the feature endpoints answer a non-empty JSON object. The {@code ```sh}
 * blocks hold what needs more than that server: their {@code grpcurl} commands run through {@link
 * GrpcurlStandIn} (grpcurl is not packaged by Debian) against the same server's gRPC port, and
 * their {@code curl} commands, which carry the API key of the auth section, against a second
 * server with {@code server.auth: {type: api_key, api_keys: [my-key]}}, where the same command
 * without its key must get 401.
 */
class DocumentedExamplesIT {
  private static final List<Path> DOCUMENTS = List.of(Path.of("..", "README.md"), Path.of("..", "docs", "API.md"));
  private static final Pattern BASH_BLOCK = Pattern.compile("(?ms)^```bash\\n(.*?)^```");
  private static final Pattern SH_BLOCK = Pattern.compile("(?ms)^```sh\\n(.*?)^```");
  private static final Pattern KEY_HEADER = Pattern.compile("\\s*-H '(X-API-Key|Authorization): [^']*'");
  /** Endpoints whose answer is a JSON object with content; the others may answer empty, null or text. */
  private static final Pattern JSON_ENDPOINT = Pattern.compile("/get-online-features|/api/v1/features/");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void everyDocumentedCurlCommandSucceeds() throws Exception {
    List<String> commands = new ArrayList<>();
    for (Path document : DOCUMENTS) {
      commands.addAll(curlCommands(Files.readString(document)));
    }
    assertThat(commands).as("curl examples in " + DOCUMENTS).hasSizeGreaterThan(8);

    List<String> grpcurls = new ArrayList<>();
    for (Path document : DOCUMENTS) {
      grpcurls.addAll(commands(SH_BLOCK, Files.readString(document), "grpcurl "));
    }
    assertThat(grpcurls).as("grpcurl examples").hasSizeGreaterThanOrEqualTo(5);

    SoftAssertions softly = new SoftAssertions();
    try (SampleServer sample = SampleServer.start(tmp)) {
      for (String command : grpcurls) {
        try {
          String out = GrpcurlStandIn.run(command, "localhost:" + sample.grpcPort());
          softly.assertThat(out).as(command).isNotBlank();
          if (command.endsWith(" list")) {
            softly.assertThat(out).as(command).contains("feast.serving.ServingService",
                "featurestore.api.v1.UserFeaturesService", "grpc.health.v1.Health");
          }
          if (command.contains("GetOnlineFeatures")) {
            softly.assertThat(out).as(command).contains("user_00042").contains("PRESENT");
          }
          if (command.contains("GetUserFeatures")) {
            softly.assertThat(out).as(command).contains("\"userId\": \"user_00042\"", "\"risk\"");
          }
        } catch (Exception e) {
          softly.fail(command + " failed: " + e);
        }
      }
      for (String command : commands) {
        String local = command.replace("localhost:8000", "localhost:" + sample.restPort());
        Path body = Files.createTempFile(tmp, "body", ".out");
        String status = run(local + " -s -o '" + body + "' -w '%{http_code}'");
        String text = Files.readString(body);
        softly.assertThat(status).as(command + "\n→ " + text).startsWith("2");
        if (JSON_ENDPOINT.matcher(command).find() && status.startsWith("2")) {
          JsonNode json = JSON.readTree(text);
          softly.assertThat(json.isObject() && json.size() > 0).as(command + "\n→ " + text).isTrue();
        }
      }
    }
    softly.assertAll();
  }

  @Test
  void authenticatedExamplesNeedTheirKey() throws Exception {
    List<String> commands = new ArrayList<>();
    for (Path document : DOCUMENTS) {
      commands.addAll(commands(SH_BLOCK, Files.readString(document), "curl "));
    }
    assertThat(commands).as("curl examples in sh blocks").isNotEmpty().allMatch(c -> KEY_HEADER.matcher(c).find());

    SoftAssertions softly = new SoftAssertions();
    try (SampleServer sample = SampleServer.start(tmp, "server:\n  auth: {type: api_key, api_keys: [my-key]}\n", "my-key")) {
      for (String command : commands) {
        String local = command.replace("localhost:8000", "localhost:" + sample.restPort());
        softly.assertThat(run(local + " -s -o /dev/null -w '%{http_code}'")).as(command).startsWith("2");
        String withoutKey = KEY_HEADER.matcher(local).replaceAll("");
        softly.assertThat(run(withoutKey + " -s -o /dev/null -w '%{http_code}'")).as(withoutKey).isEqualTo("401");
      }
    }
    softly.assertAll();
  }

  /** The curl commands of a Markdown text's bash blocks, continuation lines joined. */
  static List<String> curlCommands(String markdown) {
    return commands(BASH_BLOCK, markdown, "curl ");
  }

  /**
   * The commands starting with {@code program} in a Markdown text's blocks: backslash continuations
   * joined, and a line that leaves a single quote open continued by the next ones (a JSON body
   * written over several lines).
   */
  static List<String> commands(Pattern blocks, String markdown, String program) {
    List<String> commands = new ArrayList<>();
    Matcher block = blocks.matcher(markdown);
    while (block.find()) {
      String joined = block.group(1).replaceAll("\\\\\\n\\s*", " ");
      String pending = null;
      for (String line : joined.split("\n")) {
        String command = pending == null ? line.strip() : pending + "\n" + line;
        if (command.chars().filter(c -> c == '\'').count() % 2 == 1) {
          pending = command;
          continue;
        }
        pending = null;
        if (command.startsWith(program)) {
          commands.add(command);
        }
      }
    }
    return commands;
  }

  /** Runs the command through bash (the docs quote JSON bodies for a shell) and returns its output. */
  private static String run(String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(command).isTrue();
    return out.strip();
  }
}
