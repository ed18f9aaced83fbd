package dev.featurestore.onlineserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.FeatureStoreException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissPolicyConfigTest {

  @Test
  void defaultsToNone() {
    assertThat(OnlineServerConfig.from(Map.of()).missPolicy()).isEqualTo(MissPolicyConfig.NONE);
    assertThat(MissPolicyConfig.NONE.enabled()).isFalse();
  }

  @Test
  void parsesEveryKey() {
    MissPolicyConfig policy = OnlineServerConfig.from(Map.of("miss_policy",
        Map.of("type", "read_through", "deadline_ms", 75, "window", "12h", "max_pending", 50))).missPolicy();
    assertThat(policy).isEqualTo(
        new MissPolicyConfig(MissPolicyConfig.Type.READ_THROUGH, Duration.ofMillis(75), Duration.ofHours(12), 50));
    assertThat(MissPolicyConfig.from(Map.of("type", "backfill")).window()).isEqualTo(Duration.ofDays(30));
    assertThat(MissPolicyConfig.from(Map.of("type", "backfill", "window", "90")).window())
        .isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(() -> MissPolicyConfig.from(Map.of("type", "sometimes")))
        .isInstanceOf(FeatureStoreException.class).hasMessageContaining("server.miss_policy: type must be one of");
    assertThatThrownBy(() -> MissPolicyConfig.from(Map.of("deadline_ms", 5)))
        .hasMessageContaining("type is required");
    assertThatThrownBy(() -> MissPolicyConfig.from(Map.of("type", "backfill", "windw", "1d")))
        .hasMessageContaining("unknown key(s) [windw]");
    assertThatThrownBy(() -> MissPolicyConfig.from(Map.of("type", "backfill", "window", "a week")))
        .hasMessageContaining("window must be a duration");
    assertThatThrownBy(() -> MissPolicyConfig.from(Map.of("type", "backfill", "deadline_ms", 0)))
        .hasMessageContaining("deadline_ms must be positive");
    assertThatThrownBy(() -> MissPolicyConfig.from(Map.of("type", "backfill", "max_pending", "x")))
        .hasMessageContaining("max_pending must be an integer");
    assertThatThrownBy(() -> MissPolicyConfig.from("backfill")).hasMessageContaining("must be a mapping");
  }
}
