package dev.featurestore.onlineserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.FeatureStoreException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnlineServerConfigTest {
  @Test
  void defaultsAndOverrides() {
    assertThat(OnlineServerConfig.from(Map.of())).isEqualTo(OnlineServerConfig.DEFAULTS);
    OnlineServerConfig config = OnlineServerConfig.from(Map.of("rest_port", 9000, "deadline_ms", 50,
        "default_feature_service", "fraud_check_v1"));
    assertThat(config.restPort()).isEqualTo(9000);
    assertThat(config.grpcPort()).isEqualTo(50051);
    assertThat(config.deadline()).isEqualTo(Duration.ofMillis(50));
    assertThat(config.defaultFeatureService()).isEqualTo("fraud_check_v1");
  }

  @Test
  void unknownKeysAndBadValuesNameTheKey() {
    assertThatThrownBy(() -> OnlineServerConfig.from(Map.of("rest_prot", 1)))
        .isInstanceOf(FeatureStoreException.class).hasMessageContaining("unknown key(s) [rest_prot]");
    assertThatThrownBy(() -> OnlineServerConfig.from(Map.of("grpc_port", "x")))
        .hasMessageContaining("server.grpc_port must be an integer");
    assertThatThrownBy(() -> OnlineServerConfig.from(Map.of("max_entity_rows", 0)))
        .hasMessageContaining("server.max_entity_rows must be positive");
  }
}
