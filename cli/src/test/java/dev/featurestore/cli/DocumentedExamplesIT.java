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
 * it answers 2xx, and the feature endpoints answer a non-empty JSON object. Examples that need
 * what this server does not have (grpcurl, which Debian does not package; auth switched on) are in
 * {@code ```sh} blocks and not run; the gRPC paths they show are tested in online-server.
 */
class DocumentedExamplesIT {
  private static final List<Path> DOCUMENTS = List.of(Path.of("..", "README.md"), Path.of("..", "docs", "API.md"));
  private static final Pattern BASH_BLOCK = Pattern.compile("(?ms)^```bash\\n(.*?)^```");
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

    SoftAssertions softly = new SoftAssertions();
    try (SampleServer sample = SampleServer.start(tmp)) {
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

  /** The curl commands of a Markdown text's bash blocks, continuation lines joined. */
  static List<String> curlCommands(String markdown) {
    List<String> commands = new ArrayList<>();
    Matcher block = BASH_BLOCK.matcher(markdown);
    while (block.find()) {
      String joined = block.group(1).replaceAll("\\\\\\n\\s*", " ");
      for (String line : joined.split("\n")) {
        String trimmed = line.strip();
        if (trimmed.startsWith("curl ")) {
          commands.add(trimmed);
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
