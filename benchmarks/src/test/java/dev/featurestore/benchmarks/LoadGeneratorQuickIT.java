package dev.featurestore.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --quick} run end to end: private Redis, real server, every scenario; no timing asserts. */
class LoadGeneratorQuickIT {

  @Test
  void quickRunMeasuresEveryScenarioAndWritesTheReport(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("benchmark.md");

    LoadGenerator.Run run = LoadGenerator.run(LoadOptions.parse("--quick", "--out", out.toString()));

    assertThat(run.results()).extracting(ScenarioResult::name).containsExactly("1x10, 1 caller",
        "1x10, 2 callers", "50x20, 1 caller", "100x50, 1 caller", "saturation 1x10, 16 callers");
    for (ScenarioResult scenario : run.results()) {
      assertThat(scenario.modes()).as(scenario.name()).containsKeys(Mode.RAW_REDIS, Mode.GRPC, Mode.REST);
      scenario.modes().values().forEach(mode -> {
        assertThat(mode.calls()).as(scenario.name() + " " + mode.mode()).isPositive();
        assertThat(mode.throughput()).as(scenario.name() + " " + mode.mode()).isPositive();
      });
    }
    assertThat(MarkdownReport.checks(run.results())).hasSize(5);
    assertThat(Files.readString(out)).isEqualTo(run.report())
        .contains("### Latency (µs) and throughput", "### Targets", "### CPU (µs) and allocation (KB) per call, by role");
  }
}
