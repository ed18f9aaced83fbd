package dev.featurestore.adminui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {

  @Test
  void scalesFromZeroAtTheBottomToTheMaximumAtTheTop() {
    Sparkline line = new Sparkline("requests/s", "4", List.of(0.0, 2.0, 4.0));
    assertThat(line.points()).isEqualTo("0.0,39.0 120.0,20.0 240.0,1.0");
  }

  @Test
  void drawsMissingValuesAsZeroAndNeedsTwoPoints() {
    assertThat(new Sparkline("p95", "—", List.of(Double.NaN, 1.0)).points()).isEqualTo("0.0,39.0 240.0,1.0");
    assertThat(new Sparkline("p95", "—", List.of(1.0)).points()).isEmpty();
    assertThat(new Sparkline("flat", "0", List.of(0.0, 0.0)).points()).isEqualTo("0.0,39.0 240.0,39.0");
  }
}
