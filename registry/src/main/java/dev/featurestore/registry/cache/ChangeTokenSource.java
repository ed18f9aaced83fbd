package dev.featurestore.registry.cache;

/**
 * Implemented by registry stores that can tell, much more cheaply than a full read, whether a
 * project may have changed. {@link CachedRegistry} uses it to skip reloads.
 */
public interface ChangeTokenSource {

  /**
   * The current token of {@code project}. Thread-safe; throws like {@code RegistryStore.read} when
   * the storage cannot be reached.
   */
  ChangeToken changeToken(String project);
}
