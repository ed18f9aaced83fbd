package dev.featurestore.adminui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.adminui.security.ConsoleRole;
import dev.featurestore.adminui.security.ConsoleUser;
import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminConsoleConfigTest {

  private static final String HASH = "$2a$10$" + "a".repeat(53);

  @Test
  void defaultsWithoutConsoleSection() {
    AdminConsoleConfig config = AdminConsoleConfig.fromRepoConfig(repoConfig(Map.of(), Duration.ofSeconds(5)));
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.users()).isEmpty();
    assertThat(config.registryRefresh()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.freshnessWarning()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void zeroCacheTtlStillRefreshes() {
    assertThat(AdminConsoleConfig.fromRepoConfig(repoConfig(Map.of(), Duration.ZERO)).registryRefresh())
        .isEqualTo(AdminConsoleConfig.DEFAULT_REGISTRY_REFRESH);
  }

  @Test
  void readsUsersAndSettings() {
    Map<String, Object> console = Map.of(
        "port", 9090,
        "host", "127.0.0.1",
        "freshness_warning_seconds", 600,
        "users", List.of(
            Map.of("name", "ann", "password_hash", "{bcrypt}" + HASH, "role", "operator"),
            Map.of("name", "bob", "password_hash", HASH)));
    AdminConsoleConfig config = AdminConsoleConfig.fromRepoConfig(repoConfig(Map.of("console", console), Duration.ofSeconds(60)));
    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.freshnessWarning()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.users()).extracting(ConsoleUser::name, ConsoleUser::role)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ann", ConsoleRole.OPERATOR),
            org.assertj.core.groups.Tuple.tuple("bob", ConsoleRole.VIEWER));
    assertThat(config.users()).allSatisfy(u -> assertThat(u.passwordHash()).isEqualTo("{bcrypt}" + HASH));
    assertThat(config.users().get(0).toString()).doesNotContain(HASH);
  }

  @Test
  void alertThresholdsDefaultToTheServiceLevelsAndCanBeOverridden() {
    assertThat(AdminConsoleConfig.fromRepoConfig(repoConfig(Map.of(), Duration.ofSeconds(5))).alerts())
        .isEqualTo(new dev.featurestore.adminui.overview.AlertThresholds(
            Duration.ofMillis(40), Duration.ofMillis(30), 0.85, 0.01));
    Map<String, Object> console = Map.of("alerts", Map.of("rest_p95_ms", 50, "min_hit_rate", "90%", "max_error_rate", 0.05));
    var alerts = AdminConsoleConfig.fromRepoConfig(repoConfig(Map.of("console", console), Duration.ofSeconds(5))).alerts();
    assertThat(alerts.restP95()).isEqualTo(Duration.ofMillis(50));
    assertThat(alerts.grpcP95()).isEqualTo(Duration.ofMillis(30));
    assertThat(alerts.minHitRate()).isEqualTo(0.9);
    assertThat(alerts.maxErrorRate()).isEqualTo(0.05);
    assertInvalid(Map.of("alerts", Map.of("p95", 1)), "unknown key 'alerts.p95'");
    assertInvalid(Map.of("alerts", Map.of("min_hit_rate", 85)), "between 0 and 1");
  }

  @Test
  void refusesPlainTextPasswordsUnknownKeysAndRoles() {
    assertInvalid(Map.of("users", List.of(Map.of("name", "ann", "password_hash", "secret"))), "not a bcrypt hash");
    assertInvalid(Map.of("prot", 1), "unknown key 'prot'");
    assertInvalid(Map.of("users", List.of(Map.of("name", "ann", "password_hash", HASH, "role", "admin"))), "viewer, operator");
    assertInvalid(Map.of("users", List.of(Map.of("name", "ann", "password", HASH))), "unknown key 'users.password'");
    assertInvalid(Map.of("port", "eighty"), "whole number");
    assertInvalid(Map.of("users", List.of(Map.of("name", "a", "password_hash", HASH), Map.of("name", "a", "password_hash", HASH))),
        "appears twice");
  }

  private static void assertInvalid(Map<String, Object> console, String message) {
    assertThatThrownBy(() -> AdminConsoleConfig.fromRepoConfig(repoConfig(Map.of("console", console), Duration.ofSeconds(1))))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((FeatureStoreException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIG));
  }

  private static RepoConfig repoConfig(Map<String, Object> server, Duration cacheTtl) {
    return new RepoConfig("bnpl", "local",
        new RegistryConfig("sql", "sqlite:///data/registry.db", cacheTtl, "sync", false),
        new StoreConfig("online_store", "sqlite", Map.of()), new StoreConfig("offline_store", "file", Map.of()),
        3, Map.of(), Map.of(), server, Map.of(), Path.of("."), List.of());
  }
}
