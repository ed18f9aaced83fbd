package dev.featurestore.onlineserver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.onlineserver.OnlineServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthConfigTest {
  @Test
  void noneByDefaultWithHealthAndMetricsOpen() {
    assertThat(OnlineServerConfig.from(Map.of()).auth()).isEqualTo(AuthConfig.NONE);
    assertThat(AuthConfig.NONE.openPaths()).containsExactly("/health", "/metrics");
    assertThat(AuthConfig.from(Map.of("type", "none")).type()).isEqualTo(AuthType.NONE);
  }

  @Test
  void parsesEachMode() {
    AuthConfig keys = OnlineServerConfig.from(Map.of("auth", Map.of("type", "api_key", "api_keys", List.of("k1"),
        "open_paths", List.of("/health")))).auth();
    assertThat(keys.type()).isEqualTo(AuthType.API_KEY);
    assertThat(keys.apiKeys()).containsExactly("k1");
    assertThat(keys.openPaths()).containsExactly("/health");
    AuthConfig jwt = AuthConfig.from(Map.of("type", "jwt", "hs256_secret", TestingJwt.SECRET, "issuer", "idp",
        "audience", "fs", "leeway_seconds", 5));
    assertThat(jwt.leeway()).isEqualTo(Duration.ofSeconds(5));
    assertThat(jwt.issuer()).contains("idp");
    assertThat(jwt.toString()).doesNotContain(TestingJwt.SECRET).contains("hs256Secret=<set>");
    assertThat(keys.toString()).doesNotContain("k1");
  }

  @Test
  void badConfigurationsNameTheKeyButNeverTheSecret() {
    assertThatThrownBy(() -> OnlineServerConfig.from(Map.of("auth", Map.of("type", "jwt", "hs256_secrt", "x"))))
        .isInstanceOf(FeatureStoreException.class).hasMessageContaining("server.auth: unknown key(s) [hs256_secrt]");
    assertThatThrownBy(() -> AuthConfig.from(Map.of("type", "oidc")))
        .hasMessageContaining("server.auth.type must be one of [none, api_key, jwt], got 'oidc'");
    assertThatThrownBy(() -> AuthConfig.from(Map.of("type", "api_key"))).hasMessageContaining("api_keys must list");
    assertThatThrownBy(() -> AuthConfig.from(Map.of("type", "jwt"))).hasMessageContaining("type jwt needs hs256_secret");
    assertThatThrownBy(() -> AuthConfig.from(Map.of("type", "jwt", "hs256_secret", "short-secret")))
        .hasMessageContaining("at least 32 bytes").hasMessageNotContaining("short-secret");
    assertThatThrownBy(() -> AuthConfig.from(Map.of("api_keys", List.of("k")))).hasMessageContaining("type is none");
    assertThatThrownBy(() -> AuthConfig.from("jwt")).hasMessageContaining("server.auth must be a mapping");
    assertThatThrownBy(() -> AuthConfig.from(Map.of("type", "api_key", "api_keys", "k1")))
        .hasMessageContaining("server.auth.api_keys must be a list of strings");
  }
}
