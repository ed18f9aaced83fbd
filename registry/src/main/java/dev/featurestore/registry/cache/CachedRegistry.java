package dev.featurestore.registry.cache;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.core.registry.RegistryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One project's registry held in memory for servers, Feast's {@code cache_ttl_seconds} done in the
 * background: readers get the current immutable {@link RegistryState} without ever touching the
 * store, a daemon thread reloads it every {@code ttl} (zero: never) and swaps the reference. A
 * failed refresh keeps the last good snapshot and is counted.
 *
 * <p>When the store is a {@link ChangeTokenSource}, a refresh first compares the cheap token and
 * skips the full read if it is unchanged, so a one-second ttl costs one small query or one {@code
 * stat}. Tokens have a resolution (Feast's {@code feast_metadata} counts seconds), so the skip is
 * taken only when the snapshot was loaded at least {@link #TOKEN_MARGIN} after the token's change
 * time, and a full read is forced at least every {@code maxSkip} whatever the token says (clocks
 * of other writers may be skewed).
 *
 * <p>Thread-safe. {@link #close} stops the refresh thread; it does not close the store.
 */
public final class CachedRegistry implements AutoCloseable {

  /** How long after a token's change time a load must start before the token can be trusted. */
  public static final Duration TOKEN_MARGIN = Duration.ofSeconds(2);

  private static final Logger log = LoggerFactory.getLogger(CachedRegistry.class);

  /** What a refresh did. */
  public enum RefreshResult {
    RELOADED,
    UNCHANGED
  }

  private record Snapshot(RegistryState state, Instant loadStartedAt, Optional<ChangeToken> token) {}

  private final RegistryStore store;
  private final String project;
  private final Duration ttl;
  private final Duration maxSkip;
  private final Clock clock;
  private final AtomicLong failedRefreshes = new AtomicLong();
  private final ScheduledExecutorService scheduler;
  private volatile Snapshot snapshot;
  private volatile Instant verifiedAt;

  /**
   * Loads the project now (throwing if the store cannot be read, so a server does not start
   * without a registry) and, if {@code ttl} is positive, schedules background refreshes.
   */
  public CachedRegistry(RegistryStore store, String project, Duration ttl) {
    this(store, project, ttl, Duration.ofMinutes(1), Clock.systemUTC());
  }

  /** The cache a server wants for {@code config}: its project, refreshed every {@code cache_ttl_seconds}. */
  public static CachedRegistry forConfig(RegistryStore store, RepoConfig config) {
    return new CachedRegistry(store, config.project(), config.registry().cacheTtl());
  }

  public CachedRegistry(RegistryStore store, String project, Duration ttl, Duration maxSkip, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.project = requireNonNull(project, "project is null");
    this.ttl = requireNonNull(ttl, "ttl is null");
    this.maxSkip = requireNonNull(maxSkip, "maxSkip is null");
    this.clock = requireNonNull(clock, "clock is null");
    load();
    if (ttl.isZero() || ttl.isNegative()) {
      this.scheduler = null;
    } else {
      this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "registry-refresh-" + project);
        thread.setDaemon(true);
        return thread;
      });
      long millis = Math.max(1, ttl.toMillis());
      scheduler.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** The current snapshot; never blocks, never touches the store. */
  public RegistryState state() {
    return snapshot.state();
  }

  public String project() {
    return project;
  }

  /** Time since the snapshot was last loaded or confirmed current. */
  public Duration snapshotAge() {
    return Duration.between(verifiedAt, clock.instant());
  }

  /** Refreshes that failed since this cache was created (the old snapshot stayed in service). */
  public long failedRefreshes() {
    return failedRefreshes.get();
  }

  /**
   * Refreshes now on the calling thread: skips the read if the change token allows, else reloads.
   * A failure is counted and rethrown; the previous snapshot stays.
   */
  public RefreshResult refreshNow() {
    try {
      Snapshot current = snapshot;
      Instant started = clock.instant();
      if (current.token().isPresent() && Duration.between(current.loadStartedAt(), started).compareTo(maxSkip) < 0) {
        ChangeToken token = ((ChangeTokenSource) store).changeToken(project);
        boolean trusted = !current.loadStartedAt().isBefore(token.changedAt().plus(TOKEN_MARGIN));
        if (trusted && token.equals(current.token().get())) {
          verifiedAt = started;
          return RefreshResult.UNCHANGED;
        }
      }
      load();
      return RefreshResult.RELOADED;
    } catch (RuntimeException e) {
      failedRefreshes.incrementAndGet();
      throw e;
    }
  }

  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  private void load() {
    Instant started = clock.instant();
    Optional<ChangeToken> token = store instanceof ChangeTokenSource source
        ? Optional.of(source.changeToken(project))
        : Optional.empty();
    RegistryState state = store.read(project);
    snapshot = new Snapshot(state, started, token);
    verifiedAt = started;
  }

  private void refreshQuietly() {
    try {
      refreshNow();
    } catch (RuntimeException e) {
      // Serving the last good snapshot is the point of the cache; say so once per failure.
      log.warn("registry refresh of project {} failed, serving the snapshot from {} ago: {}",
          project, snapshotAge(), e.getMessage());
    }
  }
}
