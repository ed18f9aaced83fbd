package dev.featurestore.testing;

import static dev.featurestore.testing.OnlineStoreTestData.everyCommonType;
import static dev.featurestore.testing.OnlineStoreTestData.float64;
import static dev.featurestore.testing.OnlineStoreTestData.int32;
import static dev.featurestore.testing.OnlineStoreTestData.int64;
import static dev.featurestore.testing.OnlineStoreTestData.key;
import static dev.featurestore.testing.OnlineStoreTestData.row;
import static dev.featurestore.testing.OnlineStoreTestData.string;
import static dev.featurestore.testing.OnlineStoreTestData.timestamp;
import static dev.featurestore.testing.OnlineStoreTestData.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.core.online.ViewRead;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link OnlineStore} promises, run against each back-end by extending this
 * class. Each test uses projects of its own, so a shared server may hold other data. Where Feast's
 * stores differ (Redis drops writes that are not newer; SQLite overwrites and keeps whole seconds),
 * the subclass states its capability.
 */
public abstract class AbstractOnlineStoreContractTest {

  protected static final Timestamp T1 = timestamp("2024-01-15T12:00:00Z");
  protected static final Timestamp T2 = timestamp("2024-01-15T13:00:00Z");
  protected static final Timestamp T3 = timestamp("2024-01-15T14:00:00Z");

  private static final AtomicInteger PROJECT_COUNTER = new AtomicInteger();

  protected OnlineStore store;

  /** A project no other test uses. */
  protected String project;

  /** A second such project, for isolation tests. */
  protected String otherProject;

  /** A store over fresh or shared storage; called before each test, closed after it. */
  protected abstract OnlineStore createStore();

  /**
   * Whether a write whose event time is not newer than the stored one is dropped (Feast's Redis)
   * rather than written (Feast's SQLite, last write wins).
   */
  protected abstract boolean dedupsOlderWrites();

  /** Whether event times keep their nanoseconds; SQLite keeps whole seconds. */
  protected boolean keepsSubsecondEventTimes() {
    return true;
  }

  @BeforeEach
  void openStore() {
    String suffix =
        Long.toString(ProcessHandle.current().pid(), 36) + "_" + PROJECT_COUNTER.incrementAndGet();
    project = "contract_" + suffix;
    otherProject = "contract_other_" + suffix;
    store = createStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void readsNullsWhereNothingWasWritten() {
    List<List<OnlineRow>> result =
        store.read(
            project,
            List.of(
                new ViewRead("never_written", List.of("a", "b"), List.of(user("u1"), user("u2"))),
                new ViewRead("never_written", List.of("a"), List.of())));
    assertThat(result).hasSize(2);
    assertThat(result.get(0)).containsExactly(null, null);
    assertThat(result.get(1)).isEmpty();
    assertThat(store.read(project, List.of())).isEmpty();
  }

  @Test
  void readsBackSeveralViewsAndKeysInOneCall() {
    store.write(
        project,
        "user_profile",
        List.of(
            row(user("u1"), T1, Map.of("age", int64(31), "segment", string("gold"))),
            row(user("u2"), T2, Map.of("age", int64(42), "segment", string("silver")))));
    store.write(
        project,
        "user_txn",
        List.of(
            row(user("u1"), T2, Map.of("txn_count_7d", int32(5), "amount_avg", float64(12.5)))));

    List<List<OnlineRow>> result =
        store.read(
            project,
            List.of(
                new ViewRead(
                    "user_profile",
                    List.of("age", "segment"),
                    List.of(user("u1"), user("u2"), user("u3"))),
                new ViewRead(
                    "user_txn",
                    List.of("txn_count_7d", "amount_avg"),
                    List.of(user("u1"), user("u2")))));

    List<OnlineRow> profiles = result.get(0);
    assertThat(profiles.get(0).values()).containsExactly(int64(31), string("gold"));
    assertThat(profiles.get(0).eventTimestamp()).isEqualTo(T1);
    assertThat(profiles.get(1).values()).containsExactly(int64(42), string("silver"));
    assertThat(profiles.get(1).eventTimestamp()).isEqualTo(T2);
    assertThat(profiles.get(2)).isNull();
    assertThat(result.get(1).get(0).values()).containsExactly(int32(5), float64(12.5));
    assertThat(result.get(1).get(1)).isNull();
  }

  @Test
  void matchesCompositeKeysWhateverTheJoinKeyOrder() {
    EntityKey written = key("user_id", string("u1"), "merchant_id", int64(77));
    EntityKey reordered = key("merchant_id", int64(77), "user_id", string("u1"));
    EntityKey otherMerchant = key("merchant_id", int64(78), "user_id", string("u1"));
    store.write(project, "user_merchant", List.of(row(written, T1, Map.of("n", int64(3)))));

    List<OnlineRow> rows =
        readOne("user_merchant", List.of("n"), List.of(reordered, written, otherMerchant));
    assertThat(rows.get(0).values()).containsExactly(int64(3));
    assertThat(rows.get(1).values()).containsExactly(int64(3));
    assertThat(rows.get(2)).isNull();
  }

  @Test
  void distinguishesKeysOfDifferentValueTypes() {
    store.write(
        project,
        "driver_stats",
        List.of(
            row(key("driver_id", int64(1001)), T1, Map.of("trips", int64(64))),
            row(key("driver_id", int32(1001)), T1, Map.of("trips", int64(32))),
            row(key("__dummy_id", string("")), T1, Map.of("trips", int64(0)))));

    List<OnlineRow> rows =
        readOne(
            "driver_stats",
            List.of("trips"),
            List.of(
                key("driver_id", int32(1001)),
                key("driver_id", int64(1001)),
                key("driver_id", string("1001")),
                key("__dummy_id", string(""))));
    assertThat(rows.get(0).values()).containsExactly(int64(32));
    assertThat(rows.get(1).values()).containsExactly(int64(64));
    assertThat(rows.get(2)).isNull();
    assertThat(rows.get(3).values()).containsExactly(int64(0));
  }

  @Test
  void roundTripsEveryCommonValueType() {
    Map<String, Value> values = everyCommonType();
    store.write(project, "all_types", List.of(row(user("u1"), T1, values)));

    List<String> features = List.copyOf(values.keySet());
    OnlineRow row = readOne("all_types", features, List.of(user("u1"))).get(0);
    for (int i = 0; i < features.size(); i++) {
      assertThat(row.values().get(i)).as(features.get(i)).isEqualTo(values.get(features.get(i)));
    }
    // A written null comes back as the empty Value, not as "absent".
    assertThat(row.values().get(features.indexOf("f_null"))).isNotNull();
  }

  @Test
  void readsAFeatureWithoutStoredValueAsNull() {
    store.write(project, "user_profile", List.of(row(user("u1"), T1, Map.of("age", int64(31)))));

    OnlineRow row = readOne("user_profile", List.of("age", "segment"), List.of(user("u1"))).get(0);
    assertThat(row.values()).containsExactly(int64(31), null);
    assertThat(row.eventTimestamp()).isEqualTo(T1);
  }

  @Test
  void keepsFeaturesAPartialWriteDoesNotName() {
    store.write(
        project,
        "user_profile",
        List.of(row(user("u1"), T1, Map.of("age", int64(31), "segment", string("gold")))));
    store.write(project, "user_profile", List.of(row(user("u1"), T2, Map.of("age", int64(32)))));

    OnlineRow row = readOne("user_profile", List.of("age", "segment"), List.of(user("u1"))).get(0);
    assertThat(row.values()).containsExactly(int64(32), string("gold"));
    assertThat(row.eventTimestamp()).isEqualTo(T2);
  }

  @Test
  void answersInRequestOrderOfKeysAndFeatures() {
    List<OnlineWriteRow> rows = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      rows.add(row(user("u" + i), T1, Map.of("a", int64(i), "b", string("b" + i), "c", int32(-i))));
    }
    store.write(project, "ordered", rows);

    List<OnlineRow> result =
        readOne(
            "ordered",
            List.of("c", "a", "b", "a"),
            List.of(user("u3"), user("u1"), user("nobody"), user("u5"), user("u1")));
    assertThat(result.get(0).values()).containsExactly(int32(-3), int64(3), string("b3"), int64(3));
    assertThat(result.get(1).values()).containsExactly(int32(-1), int64(1), string("b1"), int64(1));
    assertThat(result.get(2)).isNull();
    assertThat(result.get(3).values()).containsExactly(int32(-5), int64(5), string("b5"), int64(5));
    assertThat(result.get(4).values()).containsExactly(int32(-1), int64(1), string("b1"), int64(1));
  }

  @Test
  void writesAndReadsALargeBatch() {
    int count = 10_000;
    List<OnlineWriteRow> rows = new ArrayList<>(count);
    List<EntityKey> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      EntityKey key = key("txn_id", int64(i));
      keys.add(key);
      rows.add(
          row(key, T1, Map.of("amount", float64(i * 0.25), "merchant", string("m" + (i % 97)))));
    }
    store.write(project, "transactions", rows);

    List<OnlineRow> result = readOne("transactions", List.of("merchant", "amount"), keys);
    assertThat(result).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(result.get(i).values())
          .as("row %d", i)
          .containsExactly(string("m" + (i % 97)), float64(i * 0.25));
    }
  }

  @Test
  void rewritingTheSameRowsChangesNothing() {
    List<OnlineWriteRow> rows =
        List.of(
            row(user("u1"), T1, Map.of("age", int64(31))),
            row(user("u2"), T1, Map.of("age", int64(42))));
    store.write(project, "user_profile", rows);
    List<OnlineRow> first =
        readOne("user_profile", List.of("age"), List.of(user("u1"), user("u2")));
    store.write(project, "user_profile", rows);
    List<OnlineRow> second =
        readOne("user_profile", List.of("age"), List.of(user("u1"), user("u2")));

    assertThat(second).isEqualTo(first);
    assertThat(second.get(1).values()).containsExactly(int64(42));
  }

  @Test
  void aNewerWriteReplacesTheValue() {
    store.write(project, "user_profile", List.of(row(user("u1"), T1, Map.of("age", int64(31)))));
    store.write(project, "user_profile", List.of(row(user("u1"), T2, Map.of("age", int64(32)))));

    OnlineRow row = readOne("user_profile", List.of("age"), List.of(user("u1"))).get(0);
    assertThat(row.values()).containsExactly(int64(32));
    assertThat(row.eventTimestamp()).isEqualTo(T2);
  }

  @Test
  void anOlderOrEqualWriteFollowsTheStoresSemantics() {
    store.write(project, "user_profile", List.of(row(user("u1"), T2, Map.of("age", int64(32)))));
    store.write(project, "user_profile", List.of(row(user("u1"), T1, Map.of("age", int64(31)))));
    OnlineRow afterOlder = readOne("user_profile", List.of("age"), List.of(user("u1"))).get(0);
    store.write(project, "user_profile", List.of(row(user("u2"), T2, Map.of("age", int64(1)))));
    store.write(project, "user_profile", List.of(row(user("u2"), T2, Map.of("age", int64(2)))));
    OnlineRow afterEqual = readOne("user_profile", List.of("age"), List.of(user("u2"))).get(0);

    if (dedupsOlderWrites()) {
      assertThat(afterOlder.values()).containsExactly(int64(32));
      assertThat(afterOlder.eventTimestamp()).isEqualTo(T2);
      assertThat(afterEqual.values()).containsExactly(int64(1));
    } else {
      assertThat(afterOlder.values()).containsExactly(int64(31));
      assertThat(afterOlder.eventTimestamp()).isEqualTo(T1);
      assertThat(afterEqual.values()).containsExactly(int64(2));
    }
  }

  @Test
  void keepsEventTimesToTheStoresPrecision() {
    Timestamp withNanos = T1.toBuilder().setNanos(500_000_000).build();
    store.write(
        project, "user_profile", List.of(row(user("u1"), withNanos, Map.of("age", int64(31)))));

    OnlineRow row = readOne("user_profile", List.of("age"), List.of(user("u1"))).get(0);
    assertThat(row.eventTimestamp()).isEqualTo(keepsSubsecondEventTimes() ? withNanos : T1);
  }

  @Test
  void anOverwriteWinsWhateverItsEventTime() {
    store.write(project, "user_profile", List.of(row(user("u1"), T2, Map.of("age", int64(32)))));
    store.overwrite(project, "user_profile", List.of(row(user("u1"), T1, Map.of("age", int64(31)))));
    store.overwrite(project, "user_profile", List.of(row(user("u1"), T1, Map.of("age", int64(30)))));

    OnlineRow row = readOne("user_profile", List.of("age"), List.of(user("u1"))).get(0);
    assertThat(row.values()).containsExactly(int64(30));
    assertThat(row.eventTimestamp()).isEqualTo(T1);
  }

  @Test
  void deletesOneViewsValuesOfTheNamedEntitiesOnly() {
    store.write(project, "view_a", List.of(
        row(user("u1"), T1, Map.of("x", int64(1), "z", int64(9))),
        row(user("u2"), T1, Map.of("x", int64(2), "z", int64(8)))));
    store.write(project, "view_b", List.of(row(user("u1"), T1, Map.of("y", int64(3)))));

    store.deleteEntities(project, "view_a", List.of("x", "z"), List.of(user("u1"), user("gone")));

    assertThat(readOne("view_a", List.of("x", "z"), List.of(user("u1"), user("u2"))))
        .satisfiesExactly(
            deleted -> assertThat(deleted).isNull(),
            kept -> assertThat(kept.values()).containsExactly(int64(2), int64(8)));
    assertThat(readOne("view_b", List.of("y"), List.of(user("u1"))).get(0).values())
        .containsExactly(int64(3));
    store.deleteEntities(project, "view_a", List.of("x", "z"), List.of(user("u1")));
    store.deleteEntities(project, "never_written", List.of("x"), List.of(user("u1")));
  }

  @Test
  void deletesOnlyTheNamedViewsOfTheProject() {
    store.write(project, "view_a", List.of(row(user("u1"), T1, Map.of("x", int64(1)))));
    store.write(project, "view_b", List.of(row(user("u1"), T1, Map.of("y", int64(2)))));
    store.write(otherProject, "view_a", List.of(row(user("u1"), T1, Map.of("x", int64(3)))));

    store.deleteViews(project, List.of("view_a"));

    assertThat(readOne("view_a", List.of("x"), List.of(user("u1"))))
        .containsExactly((OnlineRow) null);
    assertThat(readOne("view_b", List.of("y"), List.of(user("u1"))).get(0).values())
        .containsExactly(int64(2));
    assertThat(
            store
                .read(
                    otherProject,
                    List.of(new ViewRead("view_a", List.of("x"), List.of(user("u1")))))
                .get(0)
                .get(0)
                .values())
        .containsExactly(int64(3));

    store.deleteViews(project, List.of("view_a", "never_written"));
    store.deleteViews(project, List.of());
    store.write(project, "view_a", List.of(row(user("u1"), T2, Map.of("x", int64(4)))));
    assertThat(readOne("view_a", List.of("x"), List.of(user("u1"))).get(0).values())
        .containsExactly(int64(4));
  }

  @Test
  void keepsProjectsApart() {
    store.write(project, "user_profile", List.of(row(user("u1"), T1, Map.of("age", int64(31)))));
    store.write(
        otherProject, "user_profile", List.of(row(user("u1"), T2, Map.of("age", int64(99)))));

    ViewRead read = new ViewRead("user_profile", List.of("age"), List.of(user("u1"), user("u2")));
    List<OnlineRow> mine = store.read(project, List.of(read)).get(0);
    List<OnlineRow> theirs = store.read(otherProject, List.of(read)).get(0);
    assertThat(mine.get(0).values()).containsExactly(int64(31));
    assertThat(mine.get(0).eventTimestamp()).isEqualTo(T1);
    assertThat(theirs.get(0).values()).containsExactly(int64(99));
    assertThat(theirs.get(0).eventTimestamp()).isEqualTo(T2);
    assertThat(mine.get(1)).isNull();
  }

  @Test
  void servesReadersWhileAWriterWrites() throws Exception {
    int keyCount = 200;
    int rounds = 30;
    List<EntityKey> keys = IntStream.range(0, keyCount).mapToObj(i -> user("c" + i)).toList();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(9);
    try {
      Future<?> writer =
          pool.submit(
              () -> {
                try {
                  for (int round = 1; round <= rounds; round++) {
                    Timestamp ts =
                        Timestamp.newBuilder().setSeconds(T1.getSeconds() + round).build();
                    List<OnlineWriteRow> rows = new ArrayList<>(keyCount);
                    for (EntityKey key : keys) {
                      rows.add(row(key, ts, Map.of("left", int64(round), "right", int64(round))));
                    }
                    store.write(project, "concurrent", rows);
                  }
                } finally {
                  writing.set(false);
                }
                return null;
              });
      List<Future<Integer>> readers = new ArrayList<>();
      for (int r = 0; r < 8; r++) {
        readers.add(pool.submit(() -> readUntilWriterStops(keys, writing)));
      }
      writer.get(120, TimeUnit.SECONDS);
      for (Future<Integer> reader : readers) {
        assertThat(reader.get(120, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      pool.shutdownNow();
    }
    List<OnlineRow> last = readOne("concurrent", List.of("left", "right"), keys);
    assertThat(last)
        .allSatisfy(row -> assertThat(row.values()).containsExactly(int64(rounds), int64(rounds)));
  }

  /** Reads random keys until the writer is done; every row seen must be one whole write. */
  private int readUntilWriterStops(List<EntityKey> keys, AtomicBoolean writing) {
    int reads = 0;
    do {
      List<EntityKey> sample =
          IntStream.range(0, 20)
              .mapToObj(i -> keys.get(ThreadLocalRandom.current().nextInt(keys.size())))
              .toList();
      for (OnlineRow row : readOne("concurrent", List.of("left", "right"), sample)) {
        if (row != null) {
          assertThat(row.values().get(0)).isEqualTo(row.values().get(1));
          long round = row.values().get(0).getInt64Val();
          assertThat(row.eventTimestamp().getSeconds()).isEqualTo(T1.getSeconds() + round);
        }
      }
      reads++;
    } while (writing.get());
    return reads;
  }

  @Test
  void isHealthyAndClosesTwice() {
    assertThat(store.isHealthy()).isTrue();
    store.close();
    store.close(); // and once more after the test
  }

  /** Reads one view of {@link #project}. */
  protected List<OnlineRow> readOne(String view, List<String> features, List<EntityKey> keys) {
    List<List<OnlineRow>> result = store.read(project, List.of(new ViewRead(view, features, keys)));
    assertThat(result).hasSize(1);
    assertThat(result.get(0)).hasSize(keys.size());
    return result.get(0);
  }
}
