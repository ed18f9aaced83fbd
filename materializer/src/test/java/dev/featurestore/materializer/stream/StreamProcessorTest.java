package dev.featurestore.materializer.stream;

import static dev.featurestore.materializer.stream.StreamFixtures.PROJECT;
import static dev.featurestore.materializer.stream.StreamFixtures.USER_ID;
import static dev.featurestore.materializer.stream.StreamFixtures.cdcSource;
import static dev.featurestore.materializer.stream.StreamFixtures.read;
import static dev.featurestore.materializer.stream.StreamFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.materializer.stream.StreamProcessor.SourceBinding;
import dev.featurestore.materializer.stream.StreamRecord.Operation;
import dev.featurestore.onlinestore.sqlite.SqliteOnlineStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamProcessorTest {
  private static final DataSource USERS = cdcSource("users_cdc", "users", "updated_at", Duration.ZERO);
  private static final FeatureView PROFILE = StreamFixtures.usersView(USERS);

  @TempDir Path dir;
  private SqliteOnlineStore store;
  private SimpleMeterRegistry meters;

  @BeforeEach
  void openStore() {
    store = new SqliteOnlineStore(dir.resolve("online.db"), 3);
    meters = new SimpleMeterRegistry();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  private StreamProcessor processor(OnlineStore target) {
    SourceBinding binding =
        new SourceBinding(USERS, Duration.ZERO, List.of(ViewTarget.of(PROFILE, USERS, List.of(USER_ID))));
    return new StreamProcessor("cdc", PROJECT, List.of(binding), target,
        new CheckpointStore(dir.resolve("cdc.checkpoint.db")), new StreamMetrics(meters, "cdc", Clock.systemUTC()),
        Clock.systemUTC());
  }

  private static Map<String, Object> user(String id, Object age, String country, Instant updated) {
    Map<String, Object> row = new HashMap<>();
    row.put("user_id", id);
    row.put("age", age);
    row.put("country", country);
    row.put("updated_at", updated);
    return row;
  }

  @Test
  void insertsUpdatesAndDeletesReachTheOnlineStoreInStreamOrder() {
    Instant t = Instant.parse("2026-11-25T10:00:00Z");
    try (StreamProcessor processor = processor(store)) {
      processor.handle(List.of(
          record("users_cdc", Operation.INSERT, user("u1", 30L, "DE", t), 1),
          record("users_cdc", Operation.INSERT, user("u2", 41L, "FR", t), 2)));
      // An update whose updated_at is older still wins: the stream's order says what is current.
      processor.handle(List.of(record("users_cdc", Operation.UPDATE, user("u1", 31L, "AT", t.minusSeconds(60)), 3)));
      processor.handle(List.of(record("users_cdc", Operation.DELETE, Map.of("user_id", "u2"), 4)));
    }
    OnlineRow u1 = read(store, PROFILE, "u1");
    assertThat(u1.values().get(0).getInt64Val()).isEqualTo(31);
    assertThat(u1.values().get(1).getStringVal()).isEqualTo("AT");
    assertThat(u1.eventTimestamp().getSeconds()).isEqualTo(t.minusSeconds(60).getEpochSecond());
    assertThat(read(store, PROFILE, "u2")).isNull();
  }

  @Test
  void badRecordsAreCountedAndSkippedWithoutStoppingTheStream() {
    Instant t = Instant.parse("2026-11-25T10:00:00Z");
    try (StreamProcessor processor = processor(store)) {
      processor.handle(List.of(
          record("users_cdc", Operation.INSERT, user("u1", "thirty", "DE", t), 1),
          record("users_cdc", Operation.INSERT, user(null, 30L, "DE", t), 2),
          record("users_cdc", Operation.INSERT, user("u3", 30L, "DE", null), 3),
          record("users_cdc", Operation.INSERT, user("u4", 52L, "ES", t), 4)));
      processor.rejected("users_cdc", new StreamPosition("", 5, 0), "not a JSON object");
      processor.handle(List.of(record("users_cdc", Operation.INSERT, user("u5", 19L, "IT", t), 6)));

      assertThat(processor.metrics().totals()).containsEntry("bad", 4L).containsEntry("applied", 2L);
    }
    assertThat(read(store, PROFILE, "u1")).isNull();
    assertThat(read(store, PROFILE, "u4").values().get(0).getInt64Val()).isEqualTo(52);
    assertThat(read(store, PROFILE, "u5").values().get(1).getStringVal()).isEqualTo("IT");
    assertThat(meters.get(StreamMetrics.EVENTS).tags("outcome", "bad").counter().count()).isEqualTo(4);
  }

  @Test
  void afterARestartRepeatedPositionsAreSkipped() {
    Instant t = Instant.parse("2026-11-25T10:00:00Z");
    try (StreamProcessor processor = processor(store)) {
      processor.handle(List.of(record("users_cdc", Operation.INSERT, user("u1", 30L, "DE", t), 10)));
    }
    // A reader keeping its own offsets may start before the checkpoint: the repeat is skipped, so
    // the stale value at position 9 does not come back.
    try (StreamProcessor processor = processor(store)) {
      assertThat(processor.positions()).containsEntry("", new StreamPosition("", 10, 0));
      processor.handle(List.of(
          record("users_cdc", Operation.UPDATE, user("u1", 29L, "XX", t), 9),
          record("users_cdc", Operation.INSERT, user("u1", 30L, "DE", t), 10),
          record("users_cdc", Operation.UPDATE, user("u1", 32L, "PL", t), 11)));
      assertThat(processor.metrics().totals()).containsEntry("duplicate", 2L).containsEntry("applied", 1L);
    }
    assertThat(read(store, PROFILE, "u1").values().get(1).getStringVal()).isEqualTo("PL");
  }

  @Test
  void aFailedOnlineWriteLeavesNothingBehindAndTheRetryAppliesTheBatchOnce() {
    Instant t = Instant.parse("2026-11-25T10:00:00Z");
    FailingOnce failing = new FailingOnce(store);
    try (StreamProcessor processor = processor(failing)) {
      List<StreamRecord> batch = List.of(record("users_cdc", Operation.INSERT, user("u1", 30L, "DE", t), 1));
      assertThatThrownBy(() -> processor.handle(batch))
          .isInstanceOf(FeatureStoreException.class)
          .extracting(e -> ((FeatureStoreException) e).code())
          .isEqualTo(ErrorCode.ONLINE_STORE_UNAVAILABLE);
      assertThat(processor.positions()).isEmpty();
      processor.handle(batch);
      assertThat(processor.positions()).containsEntry("", new StreamPosition("", 1, 0));
    }
    assertThat(read(store, PROFILE, "u1").values().get(0).getInt64Val()).isEqualTo(30);
  }

  /** A real store whose first overwrite fails, as Redis going away would. */
  private static final class FailingOnce implements OnlineStore {
    private final OnlineStore delegate;
    private boolean failed;

    FailingOnce(OnlineStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public List<List<OnlineRow>> read(String project, List<dev.featurestore.core.online.ViewRead> reads) {
      return delegate.read(project, reads);
    }

    @Override
    public void write(String project, String view, List<OnlineWriteRow> rows) {
      delegate.write(project, view, rows);
    }

    @Override
    public void overwrite(String project, String view, List<OnlineWriteRow> rows) {
      if (!failed) {
        failed = true;
        throw new FeatureStoreException(ErrorCode.ONLINE_STORE_UNAVAILABLE, "online store went away");
      }
      delegate.overwrite(project, view, rows);
    }

    @Override
    public void deleteEntities(String project, String view, List<String> features,
        List<feast.proto.types.EntityKeyProto.EntityKey> keys) {
      delegate.deleteEntities(project, view, features, keys);
    }

    @Override
    public void deleteViews(String project, List<String> views) {
      delegate.deleteViews(project, views);
    }

    @Override
    public boolean isHealthy() {
      return true;
    }

    @Override
    public void close() {}
  }
}
