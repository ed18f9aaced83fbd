package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * monitoring/alerts.yml is valid and its promtool unit tests (monitoring/alerts_test.yml) pass.
 * promtool comes with Debian's prometheus package, which scripts/install-deps.sh installs; the test
 * is skipped only when promtool is missing and we are not root (then nothing could install it).
 */
class MonitoringRulesIT {
  private static final Path MONITORING = Path.of("..", "monitoring");

  private static String promtool;

  @BeforeAll
  static void findPromtool() {
    promtool = onPath("promtool");
    if (promtool == null) {
      assumeTrue(isRoot(), "promtool is missing and only root can install it (scripts/install-deps.sh)");
    }
    assertThat(promtool).as("promtool on PATH: run scripts/install-deps.sh (package prometheus)").isNotNull();
  }

  @Test
  void alertRulesAreValid() throws Exception {
    Result result = run(promtool, "check", "rules", "alerts.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  @Test
  void everyAlertFiresOnItsUnitTestAndStaysSilentOnHealthySeries() throws Exception {
    Result result = run(promtool, "test", "rules", "alerts_test.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
  }

  @Test
  void prometheusConfigLoadsTheRules() throws Exception {
    Result result = run(promtool, "check", "config", "prometheus.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("1 rule files found");
  }

  private record Result(int exitCode, String output) {}

  private static Result run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(MONITORING.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    return new Result(process.exitValue(), output);
  }

  private static String onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : List.of(path.split(File.pathSeparator))) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
