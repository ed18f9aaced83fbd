package dev.featurestore.materializer.stream;

import static dev.featurestore.materializer.stream.StreamFixtures.PROJECT;
import static dev.featurestore.materializer.stream.StreamFixtures.USER_ID;
import static dev.featurestore.materializer.stream.StreamFixtures.VELOCITY;
import static dev.featurestore.materializer.stream.StreamFixtures.cdcSource;
import static dev.featurestore.materializer.stream.StreamFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.featurestore.core.model.Aggregation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.materializer.stream.StreamProcessor.SourceBinding;
import dev.featurestore.materializer.stream.StreamRecord.Operation;
import dev.featurestore.onlinestore.sqlite.SqliteOnlineStore;
import feast.proto.types.ValueProto.Value;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Windowed aggregates computed from a stream equal a brute-force computation over the same events:
 * 100,000 transactions of 500 users over ten days arriving out of order (up to 8 minutes late,
 * within the 10 allowed) plus 1% arriving 3 hours late (dropped), with a restart part-way whose
 * reader repeats records already applied.
 */
class WindowedAggregationTest {
  private static final Duration LATENESS = Duration.ofMinutes(10);
  private static final DataSource TRANSACTIONS = cdcSource("transactions_cdc", "transactions", "created_at", LATENESS);
  private static final FeatureView VELOCITY_VIEW = StreamFixtures.velocityView(TRANSACTIONS);
  private static final int USERS = 500;
  private static final int EVENTS = 100_000;

  @TempDir Path dir;

  record Txn(String user, Instant createdAt, Double amount, long position) {}

  private StreamProcessor processor(SqliteOnlineStore store) {
    SourceBinding binding = new SourceBinding(TRANSACTIONS, LATENESS,
        List.of(ViewTarget.of(VELOCITY_VIEW, TRANSACTIONS, List.of(USER_ID))));
    return new StreamProcessor("cdc", PROJECT, List.of(binding), store,
        new CheckpointStore(dir.resolve("cdc.checkpoint.db")),
        new StreamMetrics(new SimpleMeterRegistry(), "cdc", Clock.systemUTC()), Clock.systemUTC());
  }

  @Test
  void aggregatesEqualABruteForceComputationDespiteDisorderLatenessAndARestart() {
    List<Txn> arrivals = generate(new Random(42));
    try (SqliteOnlineStore store = new SqliteOnlineStore(dir.resolve("online.db"), 3)) {
      int restartAt = arrivals.size() / 2;
      long late;
      try (StreamProcessor processor = processor(store)) {
        feed(processor, arrivals.subList(0, restartAt));
        late = processor.metrics().totals().get("late");
      }
      // The reader resumes 3,000 records before the checkpoint, as Debezium does after a crash.
      try (StreamProcessor processor = processor(store)) {
        feed(processor, arrivals.subList(restartAt - 3_000, arrivals.size()));
        assertThat(processor.metrics().totals()).containsEntry("duplicate", 3_000L);
        late += processor.metrics().totals().get("late");
      }
      Map<String, List<Txn>> accepted = acceptedByUser(arrivals);
      long acceptedCount = accepted.values().stream().mapToLong(List::size).sum();
      assertThat(late).isGreaterThan(0);

      for (int u = 0; u < USERS; u++) {
        String user = userId(u);
        List<Txn> events = accepted.getOrDefault(user, List.of());
        OnlineRow row = read(store, VELOCITY_VIEW, user);
        if (events.isEmpty()) {
          assertThat(row).isNull();
          continue;
        }
        Instant newest = events.stream().map(Txn::createdAt).max(Comparator.naturalOrder()).orElseThrow();
        assertThat(row.eventTimestamp().getSeconds()).as(user).isEqualTo(newest.getEpochSecond());
        for (int a = 0; a < VELOCITY.size(); a++) {
          Aggregation aggregation = VELOCITY.get(a);
          Double expected = bruteForce(aggregation, events, newest);
          Value actual = row.values().get(a);
          String what = user + " " + aggregation.featureName();
          if (expected == null) {
            assertThat(actual.getValCase()).as(what).isEqualTo(Value.ValCase.VAL_NOT_SET);
          } else if (actual.getValCase() == Value.ValCase.INT64_VAL) {
            assertThat(actual.getInt64Val()).as(what).isEqualTo(Math.round(expected));
          } else {
            assertThat(actual.getDoubleVal()).as(what).isCloseTo(expected, within(1e-6));
          }
        }
      }
      assertThat(acceptedCount + late).isEqualTo(EVENTS);
    }
  }

  private static void feed(StreamProcessor processor, List<Txn> txns) {
    for (int start = 0; start < txns.size(); start += 1_000) {
      List<StreamRecord> batch = new ArrayList<>();
      for (Txn txn : txns.subList(start, Math.min(txns.size(), start + 1_000))) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("transaction_id", "txn_" + txn.position());
        columns.put("user_id", txn.user());
        columns.put("amount", txn.amount());
        columns.put("created_at", txn.createdAt());
        batch.add(new StreamRecord("transactions_cdc", Operation.INSERT, columns, Instant.now(),
            new StreamPosition("", txn.position(), 0)));
      }
      processor.handle(batch);
    }
  }

  private static String userId(int u) {
    return String.format("user_%05d", u);
  }

  /** Ten days of transactions in arrival order: jittered by up to 8 minutes, 1% three hours late. */
  private static List<Txn> generate(Random random) {
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    long span = Duration.ofDays(10).toMillis();
    record Arrival(Txn txn, long arrivalMillis) {}
    List<Arrival> arrivals = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      long created = (long) (random.nextDouble() * span);
      // A few users are busy, most are not: windows of very different sizes.
      int user = random.nextDouble() < 0.3 ? random.nextInt(10) : random.nextInt(USERS);
      Double amount = random.nextInt(50) == 0 ? null : Math.round(random.nextDouble() * 50_000) / 100.0;
      long delay = random.nextInt(100) == 0 ? Duration.ofHours(3).toMillis() : (long) (random.nextDouble() * 8 * 60_000);
      arrivals.add(new Arrival(new Txn(userId(user), start.plusMillis(created), amount, 0), created + delay));
    }
    arrivals.sort(Comparator.comparingLong(Arrival::arrivalMillis));
    List<Txn> ordered = new ArrayList<>();
    for (int i = 0; i < arrivals.size(); i++) {
      Txn txn = arrivals.get(i).txn();
      ordered.add(new Txn(txn.user(), txn.createdAt(), txn.amount(), i + 1));
    }
    return ordered;
  }

  /** Which events count: in arrival order, those not older than the newest seen minus lateness. */
  private static Map<String, List<Txn>> acceptedByUser(List<Txn> arrivals) {
    Map<String, List<Txn>> accepted = new HashMap<>();
    long newest = Long.MIN_VALUE;
    for (Txn txn : arrivals) {
      long t = txn.createdAt().toEpochMilli();
      if (newest != Long.MIN_VALUE && t < newest - LATENESS.toMillis()) {
        continue;
      }
      newest = Math.max(newest, t);
      accepted.computeIfAbsent(txn.user(), u -> new ArrayList<>()).add(txn);
    }
    return accepted;
  }

  /** Over [end - window, end), end = the first slide boundary after the user's newest event. */
  private static Double bruteForce(Aggregation aggregation, List<Txn> events, Instant newest) {
    long hop = aggregation.hop().toMillis();
    long end = (Math.floorDiv(newest.toEpochMilli(), hop) + 1) * hop;
    long begin = end - aggregation.timeWindow().toMillis();
    List<Double> values = new ArrayList<>();
    long rows = 0;
    for (Txn txn : events) {
      long t = txn.createdAt().toEpochMilli();
      if (t >= begin && t < end) {
        rows++;
        if (txn.amount() != null) {
          values.add(txn.amount());
        }
      }
    }
    return switch (aggregation.function()) {
      case "count" -> aggregation.column().isEmpty() ? (double) rows : (double) values.size();
      case "sum" -> values.stream().mapToDouble(Double::doubleValue).sum();
      case "mean" -> values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      case "min" -> values.stream().min(Double::compare).orElse(null);
      case "max" -> values.stream().max(Double::compare).orElse(null);
      default -> throw new IllegalArgumentException(aggregation.function());
    };
  }
}
