package dev.featurestore.onlineserver.serving;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.proto.RegistryProtoMapper;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.registry.cache.CachedRegistry;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the server gets the registry it serves from: an in-memory snapshot, never a database
 * read. Implementations return the same {@link RepoContents} instance until the registry changes,
 * so per-snapshot indexes can be cached by identity.
 */
public interface RegistrySnapshotSource {

  /** The current snapshot; cheap, never blocks on I/O. */
  RepoContents current();

  /** Time since the snapshot was loaded or confirmed current, if known. */
  Optional<Duration> age();

  /** A registry that never changes (tests, one-shot tools). */
  static RegistrySnapshotSource fixed(RepoContents contents) {
    requireNonNull(contents, "contents is null");
    return new RegistrySnapshotSource() {
      @Override
      public RepoContents current() {
        return contents;
      }

      @Override
      public Optional<Duration> age() {
        return Optional.empty();
      }
    };
  }

  /**
   * Adapts a {@link CachedRegistry}: the state is converted to {@link RepoContents} once per state
   * instance the cache hands out, not once per request.
   */
  static RegistrySnapshotSource of(CachedRegistry registry) {
    requireNonNull(registry, "registry is null");
    return new RegistrySnapshotSource() {
      private volatile Converted converted;

      @Override
      public RepoContents current() {
        RegistryState state = registry.state();
        Converted last = converted;
        if (last != null && last.state() == state) {
          return last.contents();
        }
        RepoContents contents = RegistryProtoMapper.fromRegistry(state.project(), state.objects());
        converted = new Converted(state, contents);
        return contents;
      }

      @Override
      public Optional<Duration> age() {
        return Optional.of(registry.snapshotAge());
      }
    };
  }

  /** A state and what it converted to. */
  record Converted(RegistryState state, RepoContents contents) {}
}
