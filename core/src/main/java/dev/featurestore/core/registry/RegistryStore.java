package dev.featurestore.core.registry;

import java.time.Instant;
import java.util.List;

/**
 * Persistent storage of Feast registry objects, in one of Feast's own layouts (the file registry's
 * serialized {@code feast.core.Registry}, or the SQL registry's tables), so Feast and this project
 * can share a registry.
 *
 * <p>Implementations are thread-safe. Failures reaching the backing storage are thrown as {@link
 * dev.featurestore.core.error.FeatureStoreException} with code {@code REGISTRY_UNAVAILABLE}; a
 * payload that does not parse as its Feast proto is {@code CORRUPT_REGISTRY}. The caller closes the
 * store.
 */
public interface RegistryStore extends AutoCloseable {

  /**
   * Reads every object of {@code project}, in {@link RegistryObjectKind} order then by name. A
   * project never applied reads as {@link RegistryState#empty}. Never returns partial state.
   */
  RegistryState read(String project);

  /** Names of the projects the registry holds, sorted. */
  List<String> projects();

  /**
   * Writes {@code changes} atomically: after a failure the registry is exactly as before. Also
   * bumps the project's last-updated time (Feast's {@code feast_metadata}) to {@code appliedAt},
   * creating the project's bookkeeping on first use, and appends the changes to the apply history.
   * An empty list changes nothing.
   */
  void apply(String project, List<RegistryChange> changes, Instant appliedAt);

  /**
   * Deletes every object of {@code project} and its Feast metadata, atomically. The apply history
   * records the deletions and is kept. A project that does not exist is a no-op.
   */
  void teardown(String project, Instant at);

  /** The project's apply history, newest first, at most {@code limit} entries. */
  List<ApplyHistoryEntry> history(String project, int limit);

  /**
   * Appends entries written elsewhere to the project's apply history as they are, keeping their
   * times and summaries, atomically; no object changes. For moving a registry with its history
   * ({@code featurestore registry migrate}).
   *
   * @param oldestFirst the entries in the order they happened
   */
  void importHistory(String project, List<ApplyHistoryEntry> oldestFirst);

  /** Releases connections; idempotent. */
  @Override
  void close();
}
