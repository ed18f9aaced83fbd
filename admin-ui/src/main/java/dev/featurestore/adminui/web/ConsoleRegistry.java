package dev.featurestore.adminui.web;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.proto.RegistryProtoMapper;
import dev.featurestore.core.registry.ApplyHistoryEntry;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.registry.cache.CachedRegistry;
import java.time.Duration;
import java.util.List;

/**
 * The console's view of the registry: pages read the in-memory snapshot of {@link CachedRegistry}
 * (converted to the model once per snapshot, not per request); only apply history and the project
 * list go to the store, and those calls block, so callers run them off the event loop.
 */
public final class ConsoleRegistry implements AutoCloseable {

  /** How far back an object's page looks for its changes. */
  static final int HISTORY_SCAN_LIMIT = 2000;

  private final RegistryStore store;
  private final CachedRegistry cache;
  private final Duration refreshInterval;
  private volatile RegistrySnapshot converted;

  public ConsoleRegistry(RegistryStore store, CachedRegistry cache, Duration refreshInterval) {
    this.store = requireNonNull(store, "store is null");
    this.cache = requireNonNull(cache, "cache is null");
    this.refreshInterval = requireNonNull(refreshInterval, "refreshInterval is null");
  }

  public String project() {
    return cache.project();
  }

  /** The current snapshot; never touches the store. */
  public RegistrySnapshot snapshot() {
    RegistryState state = cache.state();
    RegistrySnapshot last = converted;
    if (last != null && last.state() == state) {
      return last;
    }
    // Two racing requests may both convert; the results are equal, so either may win.
    RegistrySnapshot fresh =
        new RegistrySnapshot(state, RegistryProtoMapper.fromRegistry(state.project(), state.objects()));
    converted = fresh;
    return fresh;
  }

  public Duration snapshotAge() {
    return cache.snapshotAge();
  }

  public long failedRefreshes() {
    return cache.failedRefreshes();
  }

  public Duration refreshInterval() {
    return refreshInterval;
  }

  /** Blocking: the project's newest history entries. */
  public List<ApplyHistoryEntry> history(int limit) {
    return store.history(project(), limit);
  }

  /**
   * Blocking: the history of one object, newest first. A feature view's includes its history as a
   * stream feature view (the console lists both kinds as feature views).
   */
  public List<ApplyHistoryEntry> history(ObjectKind kind, String name, int limit) {
    return store.history(project(), HISTORY_SCAN_LIMIT).stream()
        .filter(e -> kind.includes(e.kind()) && e.name().equals(name))
        .limit(limit)
        .toList();
  }

  /** Blocking: every project in the registry. */
  public List<String> projects() {
    return store.projects();
  }

  /** Stops the refresh thread; the store belongs to the caller. */
  @Override
  public void close() {
    cache.close();
  }
}
