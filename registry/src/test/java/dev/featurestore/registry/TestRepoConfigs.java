package dev.featurestore.registry;

import dev.featurestore.core.config.RegistryConfig;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.config.StoreConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** RepoConfigs for store tests: only the registry block matters. */
public final class TestRepoConfigs {
  private TestRepoConfigs() {}

  public static RepoConfig withRegistry(Path repo, String registryType, String path) {
    return new RepoConfig(
        "credit_scoring",
        "local",
        new RegistryConfig(registryType, path, Duration.ofSeconds(600), "sync", false),
        new StoreConfig("online_store", "sqlite", Map.of()),
        new StoreConfig("offline_store", "file", Map.of()),
        3,
        Map.of(),
        Map.of(),
        Map.of(),
        Map.of(),
        repo,
        List.of());
  }
}
