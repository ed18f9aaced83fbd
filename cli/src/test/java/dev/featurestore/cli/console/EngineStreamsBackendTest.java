package dev.featurestore.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.adminui.streams.StreamRow;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.materializer.stream.CdcConfig;
import dev.featurestore.materializer.stream.StreamEngine;
import dev.featurestore.materializer.stream.StreamPosition;
import dev.featurestore.materializer.stream.StreamReader;
import dev.featurestore.materializer.stream.StreamReaderFactory;
import dev.featurestore.materializer.stream.StreamRecord;
import dev.featurestore.materializer.stream.StreamRecordHandler;
import dev.featurestore.materializer.stream.StreamingConfig;
import dev.featurestore.onlinestore.sqlite.SqliteOnlineStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's rows from a real {@link StreamEngine} over a SQLite online store, fed by a reader
 * that delivers a fixed batch (two good records and one without its entity key) and then reports
 * that it lost its broker.
 */
class EngineStreamsBackendTest {
  private static final FeastType FLOAT64 = new FeastType.Primitive(ValueType.DOUBLE, "Float64");
  private static final FeastType STRING = new FeastType.Primitive(ValueType.STRING, "String");

  @TempDir Path dir;

  @Test
  void rowsCarryTheEnginesFiguresAndThreshold() {
    DataSource batch = new DataSource("transactions_batch", "event_timestamp", "", "", Map.of(), Metadata.EMPTY,
        new DataSource.FileOptions("data/transactions.parquet", "parquet", ""));
    DataSource kafka = new DataSource("transactions", "event_timestamp", "", "", Map.of(), Metadata.EMPTY,
        new DataSource.KafkaOptions("localhost:9092", "transactions", "json", "", Duration.ZERO, batch));
    FeatureView view = new FeatureView("user_last_payment", List.of("user"), List.of(Field.of("amount", FLOAT64)),
        List.of(Field.of("user_id", STRING)), Duration.ofDays(1), true, false, batch, Optional.of(kafka),
        Metadata.EMPTY);
    RepoContents contents = new RepoContents(new Project("bnpl", Metadata.EMPTY),
        List.of(new Entity("user", "user_id", Optional.of(ValueType.STRING), Metadata.EMPTY)),
        List.of(batch, kafka), List.of(view), List.of(), List.of(), List.of());
    Instant committed = Instant.now().minusMillis(1_500).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    ScriptedReader reader = new ScriptedReader("transactions", List.of(
        payment("transactions", "u1", 12.5, committed, 1),
        payment("transactions", null, 3.0, committed, 2),
        payment("transactions", "u2", 40.0, committed.plusMillis(100), 3)));
    StreamingConfig config =
        new StreamingConfig(true, dir.resolve("state"), 100, Duration.ofSeconds(2), Optional.empty(), Map.of());

    try (SqliteOnlineStore store = new SqliteOnlineStore(dir.resolve("online.db"), 2);
        StreamEngine engine = StreamEngine.create("bnpl", contents, config, store, new SimpleMeterRegistry(),
            new Readers(reader), Clock.systemUTC())) {
      engine.start();
      EngineStreamsBackend backend = new EngineStreamsBackend(engine);

      assertThat(backend.connected()).isTrue();
      assertThat(backend.lagAlert()).isEqualTo(Duration.ofSeconds(2));
      StreamRow row = backend.streams().get(0);
      assertThat(backend.streams()).hasSize(1);
      assertThat(row.name()).isEqualTo("transactions");
      assertThat(row.kind()).isEqualTo("Kafka");
      assertThat(row.sources()).containsExactly("transactions");
      assertThat(row.views()).containsExactly("user_last_payment");
      assertThat(row.running()).isFalse();
      assertThat(row.lastError()).contains("broker localhost:9092 unreachable");
      assertThat(row.applied()).isEqualTo(2);
      assertThat(row.bad()).isEqualTo(1);
      assertThat(row.badLastMinute()).isEqualTo(1);
      assertThat(row.late()).isZero();
      assertThat(row.lagP99()).hasValueSatisfying(lag -> assertThat(lag).isGreaterThanOrEqualTo(Duration.ofMillis(1_400)));
      assertThat(row.lagP50()).isPresent();
      assertThat(row.lastEventAt()).contains(committed.plusMillis(100));
      assertThat(row.positions()).containsEntry("transactions-0", "transactions-0@3");
    }
  }

  private static StreamRecord payment(String source, String user, double amount, Instant at, long offset) {
    Map<String, Object> columns = new HashMap<>();
    columns.put("user_id", user);
    columns.put("amount", amount);
    columns.put("event_timestamp", at);
    return new StreamRecord(source, StreamRecord.Operation.INSERT, columns, at,
        new StreamPosition("transactions-0", offset, 0));
  }

  private record Readers(StreamReader kafka) implements StreamReaderFactory {
    @Override
    public StreamReader cdc(CdcConfig config, Map<String, String> sourceByTable, Path stateDir, int batchSize) {
      throw new AssertionError("no CDC source in this project");
    }

    @Override
    public StreamReader kafka(DataSource source, Map<String, String> settings, int batchSize) {
      return kafka;
    }
  }

  /** Delivers its records at start, then behaves like a reader that lost its broker. */
  private static final class ScriptedReader implements StreamReader {
    private final String name;
    private final List<StreamRecord> records;
    private volatile String lastError;

    ScriptedReader(String name, List<StreamRecord> records) {
      this.name = name;
      this.records = records;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void start(StreamRecordHandler handler, Map<String, StreamPosition> resumeAfter) {
      handler.handle(records);
      lastError = "broker localhost:9092 unreachable";
    }

    @Override
    public boolean isRunning() {
      return lastError == null;
    }

    @Override
    public String lastError() {
      return lastError;
    }

    @Override
    public void close() {}
  }
}
