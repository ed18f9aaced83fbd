package dev.featurestore.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@code --quick} run end to end (Parquet, private Redis, engine and raw writes); no timing asserts. */
class MaterializationBenchmarkQuickIT {

  @Test
  void quickRunMeasuresBothPathsOverTheSameBytes() throws Exception {
    MaterializationBenchmark.Result result =
        MaterializationBenchmark.run(MaterializationBenchmark.Options.parse("--quick"));

    assertThat(result.rows()).isEqualTo(50_000);
    assertThat(result.batch()).isEqualTo(1000);
    assertThat(result.engineRowsPerSecond()).isPositive();
    assertThat(result.rawRowsPerSecond()).isPositive();
    assertThat(result.enginePeakHeapBytes()).isPositive();
    assertThat(result.report()).contains("MaterializationEngine", "raw pipelined HSET", "Engine / raw: ");
  }

  @Test
  void optionsAreChecked() {
    assertThat(MaterializationBenchmark.Options.parse("--rows", "2_000", "--batch", "500").rows()).isEqualTo(2000);
    assertThatThrownBy(() -> MaterializationBenchmark.Options.parse("--rows", "0"))
        .hasMessageContaining("--rows needs a positive integer");
    assertThatThrownBy(() -> MaterializationBenchmark.Options.parse("--fast")).hasMessageContaining("unknown option");
  }
}
