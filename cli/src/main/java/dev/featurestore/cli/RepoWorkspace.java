package dev.featurestore.cli;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.offline.SourceSchemaReader;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.registry.RegistryStores;
import dev.featurestore.registry.apply.RegistryPlanner;
import dev.featurestore.registry.apply.RepoApplier;
import dev.featurestore.registry.config.RepoConfigLoader;
import dev.featurestore.registry.repo.EntityColumnInference;
import dev.featurestore.registry.repo.LoadedRepo;
import dev.featurestore.registry.repo.RepoDefinitionsLoader;
import dev.featurestore.registry.repo.RepoWarning;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A feature repository opened for a command: its feature_store.yaml and its registry. Warnings
 * (from the yaml and the definition files) go to the command's error stream, prefixed like Feast's.
 */
final class RepoWorkspace implements AutoCloseable {
  private final RepoConfig config;
  private final RegistryStore store;
  private final PrintWriter err;

  private RepoWorkspace(RepoConfig config, RegistryStore store, PrintWriter err) {
    this.config = config;
    this.store = store;
    this.err = err;
  }

  static RepoWorkspace open(Path repoDir, PrintWriter err) {
    RepoConfig config = RepoConfigLoader.load(repoDir);
    config.warnings().forEach(w -> err.println("Warning: " + w));
    err.flush();
    return new RepoWorkspace(config, RegistryStores.open(config), err);
  }

  RepoConfig config() {
    return config;
  }

  RegistryStore store() {
    return store;
  }

  RepoApplier applier() {
    return new RepoApplier(store, new RegistryPlanner(), Clock.systemUTC());
  }

  /** Reads the definition files and types what they leave untyped from the sources. */
  RepoContents loadDefinitions() {
    LoadedRepo loaded = new RepoDefinitionsLoader().load(config.repoPath(), config.project());
    for (RepoWarning warning : loaded.warnings()) {
      err.println("Warning: " + warning);
    }
    err.flush();
    List<SourceSchemaReader> readers =
        ServiceLoader.load(SourceSchemaReader.class).stream().map(ServiceLoader.Provider::get).toList();
    return new EntityColumnInference(readers).infer(loaded, config);
  }

  @Override
  public void close() {
    store.close();
  }
}
