package dev.featurestore.registry.cache;

import static dev.featurestore.testing.RegistryTestObjects.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.registry.cache.CachedRegistry.RefreshResult;
import dev.featurestore.registry.file.FileRegistryStore;
import dev.featurestore.registry.sql.JooqRegistryStore;
import dev.featurestore.registry.sql.SqlAlchemyUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedRegistryTest {

  private static final String PROJECT = "credit_scoring";

  @TempDir Path repo;

  private final MutableClock clock = new MutableClock(Instant.now().plusSeconds(10));

  private FileRegistryStore fileStore() {
    return new FileRegistryStore(repo.resolve("registry.db"), false);
  }

  private static void addEntity(RegistryStore store, String name) {
    store.apply(PROJECT, List.of(create(RegistryObjectKind.ENTITY, PROJECT, name, "v1")), Instant.now());
  }

  @Test
  void servesTheSnapshotUntilARefreshSeesTheChange() {
    try (RegistryStore store = fileStore()) {
      addEntity(store, "user");
      try (CachedRegistry cache = new CachedRegistry(store, PROJECT, Duration.ZERO, Duration.ofMinutes(1), clock)) {
        assertThat(cache.state().find(RegistryObjectKind.ENTITY, "user")).isPresent();
        assertThat(cache.refreshNow()).isEqualTo(RefreshResult.UNCHANGED);

        addEntity(store, "merchant");
        assertThat(cache.state().find(RegistryObjectKind.ENTITY, "merchant")).isEmpty();
        assertThat(cache.refreshNow()).isEqualTo(RefreshResult.RELOADED);
        assertThat(cache.state().find(RegistryObjectKind.ENTITY, "merchant")).isPresent();
      }
    }
  }

  @Test
  void aTokenFromTheSameMomentIsNotTrusted() {
    try (RegistryStore store = fileStore()) {
      addEntity(store, "user");
      clock.set(Instant.now());
      try (CachedRegistry cache = new CachedRegistry(store, PROJECT, Duration.ZERO, Duration.ofMinutes(1), clock)) {
        assertThat(cache.refreshNow()).isEqualTo(RefreshResult.RELOADED);
      }
    }
  }

  @Test
  void readsInFullAfterMaxSkipWhateverTheToken() {
    try (RegistryStore store = fileStore()) {
      addEntity(store, "user");
      try (CachedRegistry cache = new CachedRegistry(store, PROJECT, Duration.ZERO, Duration.ofMinutes(1), clock)) {
        clock.advance(Duration.ofSeconds(30));
        assertThat(cache.refreshNow()).isEqualTo(RefreshResult.UNCHANGED);
        assertThat(cache.snapshotAge()).isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(cache.snapshotAge()).isEqualTo(Duration.ofSeconds(31));
        assertThat(cache.refreshNow()).isEqualTo(RefreshResult.RELOADED);
      }
    }
  }

  @Test
  void aFailedRefreshKeepsTheLastGoodSnapshot() throws Exception {
    try (RegistryStore store = fileStore()) {
      addEntity(store, "user");
      try (CachedRegistry cache = new CachedRegistry(store, PROJECT, Duration.ZERO, Duration.ofMinutes(1), clock)) {
        Files.write(repo.resolve("registry.db"), new byte[] {0x0a, 0x7f});
        assertThatThrownBy(cache::refreshNow)
            .isInstanceOfSatisfying(FeatureStoreException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_REGISTRY));
        assertThat(cache.failedRefreshes()).isEqualTo(1);
        assertThat(cache.state().find(RegistryObjectKind.ENTITY, "user")).isPresent();
      }
    }
  }

  @Test
  void refreshesInTheBackground() throws Exception {
    try (RegistryStore store = fileStore();
        CachedRegistry cache = new CachedRegistry(store, PROJECT, Duration.ofMillis(50))) {
      assertThat(cache.state().projectExists()).isFalse();
      addEntity(store, "user");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (cache.state().find(RegistryObjectKind.ENTITY, "user").isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(cache.state().find(RegistryObjectKind.ENTITY, "user")).isPresent();
      assertThat(cache.failedRefreshes()).isZero();
    }
  }

  @Test
  void sqlTokenSkipsReadsAndSeesApplies() {
    try (RegistryStore store = new JooqRegistryStore(SqlAlchemyUrl.parse("sqlite:///registry.db", repo), false)) {
      addEntity(store, "user");
      try (CachedRegistry cache = new CachedRegistry(store, PROJECT, Duration.ZERO, Duration.ofMinutes(1), clock)) {
        assertThat(cache.refreshNow()).isEqualTo(RefreshResult.UNCHANGED);
        addEntity(store, "merchant");
        assertThat(cache.refreshNow()).isEqualTo(RefreshResult.RELOADED);
        assertThat(cache.state().find(RegistryObjectKind.ENTITY, "merchant")).isPresent();
      }
    }
  }

  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
