package dev.featurestore.materializer.stream.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.materializer.stream.CdcConfig;
import dev.featurestore.materializer.stream.StreamPosition;
import dev.featurestore.materializer.stream.StreamRecord;
import dev.featurestore.materializer.stream.StreamRecord.Operation;
import dev.featurestore.testing.TestingPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reader against a private PostgreSQL with wal_level=logical, one per class. */
class PostgresCdcReaderIT {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresCdcReaderIT.class);
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger SLOTS = new AtomicInteger();
  private static TestingPostgresServer server;

  @TempDir Path stateDir;
  private String database;
  private String slot;
  private final List<PostgresCdcReader> readers = new ArrayList<>();

  @BeforeAll
  static void startServer() {
    server = TestingPostgresServer.start(true);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @BeforeEach
  void createDatabase() throws SQLException {
    database = server.createDatabase("cdc");
    slot = "cdc_slot_" + SLOTS.incrementAndGet();
    execute("CREATE TABLE users (id bigint PRIMARY KEY, name text)");
  }

  @AfterEach
  void closeReaders() {
    readers.forEach(PostgresCdcReader::close);
  }

  @Test
  void insertUpdateDeleteArriveInOrderWithJavaTypes() throws SQLException {
    execute(
        "CREATE TABLE readings (id int PRIMARY KEY, big bigint, small smallint,"
            + " dbl double precision, real_value real, num numeric(10,2), txt text, flag boolean,"
            + " ts timestamp, tstz timestamptz, day date, raw bytea, tod time, doc jsonb)");
    RecordingHandler handler = new RecordingHandler();
    start(config("never"), Map.of("public.readings", "readings_source"), handler, 100);

    long before = System.nanoTime();
    execute(
        "INSERT INTO readings VALUES (1, 9000000000, 7, 1.5, 2.25, 12.34, 'hello', true,"
            + " '2024-05-06 07:08:09.123456', '2024-05-06 07:08:09.5+02', '2024-05-06',"
            + " '\\x0102ff', '10:11:12', '{\"a\": 1}')");
    await().atMost(WAIT).until(() -> handler.size() == 1);
    LOG.info(
        "insert reached the handler {} ms after its commit was sent",
        Duration.ofNanos(System.nanoTime() - before).toMillis());
    execute("UPDATE readings SET txt = 'changed', num = NULL WHERE id = 1");
    execute("INSERT INTO readings (id) VALUES (2)");
    execute("DELETE FROM readings WHERE id = 1");
    await().atMost(WAIT).until(() -> handler.size() == 4);

    List<StreamRecord> records = handler.accepted();
    assertThat(records)
        .extracting(StreamRecord::operation)
        .containsExactly(Operation.INSERT, Operation.UPDATE, Operation.INSERT, Operation.DELETE);
    assertThat(records).extracting(StreamRecord::source).containsOnly("readings_source");
    Map<String, Object> inserted = records.get(0).columns();
    assertThat(inserted.get("id")).isEqualTo(1L);
    assertThat(inserted.get("big")).isEqualTo(9_000_000_000L);
    assertThat(inserted.get("small")).isEqualTo(7L);
    assertThat(inserted.get("dbl")).isEqualTo(1.5d);
    assertThat(inserted.get("real_value")).isEqualTo(2.25d);
    assertThat(inserted.get("num")).isEqualTo(12.34d);
    assertThat(inserted.get("txt")).isEqualTo("hello");
    assertThat(inserted.get("flag")).isEqualTo(true);
    assertThat(inserted.get("ts")).isEqualTo(Instant.parse("2024-05-06T07:08:09.123456Z"));
    assertThat(inserted.get("tstz")).isEqualTo(Instant.parse("2024-05-06T05:08:09.500Z"));
    assertThat(inserted.get("day")).isEqualTo(LocalDate.of(2024, 5, 6));
    assertThat(inserted.get("raw")).isEqualTo(new byte[] {1, 2, (byte) 0xff});
    assertThat(inserted.get("tod")).isEqualTo("10:11:12");
    assertThat(inserted.get("doc")).isInstanceOf(String.class);
    assertThat(inserted.keySet())
        .containsExactly(
            "id",
            "big",
            "small",
            "dbl",
            "real_value",
            "num",
            "txt",
            "flag",
            "ts",
            "tstz",
            "day",
            "raw",
            "tod",
            "doc");

    Map<String, Object> updated = records.get(1).columns();
    assertThat(updated.get("txt")).isEqualTo("changed");
    assertThat(updated).containsEntry("num", null).containsEntry("big", 9_000_000_000L);
    Map<String, Object> sparse = records.get(2).columns();
    assertThat(sparse).containsEntry("id", 2L).containsEntry("ts", null).containsEntry("raw", null);
    // Default replica identity: a delete carries the primary key only.
    assertThat(records.get(3).columns()).isEqualTo(Map.of("id", 1L));

    assertIncreasing(records);
    Instant now = Instant.now();
    assertThat(records)
        .allSatisfy(
            record ->
                assertThat(record.committedAt())
                    .isBetween(now.minus(Duration.ofMinutes(1)), now.plusSeconds(1)));
    assertThat(handler.rejected()).isEmpty();
  }

  @Test
  void interleavedTransactionsArriveInCommitOrder() throws SQLException {
    RecordingHandler handler = startUsers(config("never"), 100);
    try (Connection first = server.connect(database);
        Connection second = server.connect(database)) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      execute(first, "INSERT INTO users VALUES (10, 'first-a')");
      execute(second, "INSERT INTO users VALUES (20, 'second-a')");
      execute(first, "INSERT INTO users VALUES (11, 'first-b')");
      execute(second, "INSERT INTO users VALUES (21, 'second-b')");
      second.commit();
      first.commit();
    }
    execute("INSERT INTO users VALUES (30, 'after')");
    await().atMost(WAIT).until(() -> handler.size() == 5);

    List<StreamRecord> records = handler.accepted();
    assertThat(ids(records)).containsExactly(20L, 21L, 10L, 11L, 30L);
    assertIncreasing(records);
    // Each transaction boundary raises major; within one, minor (the change's LSN) rises.
    assertThat(records.get(2).position().major()).isGreaterThan(records.get(1).position().major());
    assertThat(records.get(4).position().major()).isGreaterThan(records.get(3).position().major());
    assertThat(records.get(1).position().major()).isEqualTo(records.get(0).position().major());
  }

  @Test
  void restartResumesAfterTheLastHandledChange() throws SQLException {
    RecordingHandler firstHandler = startUsers(config("never"), 100);
    execute("INSERT INTO users VALUES (1, 'a')", "INSERT INTO users VALUES (2, 'b')");
    execute("UPDATE users SET name = 'c' WHERE id = 1");
    await().atMost(WAIT).until(() -> firstHandler.size() == 3);
    readers.remove(0).close();
    StreamPosition lastSeen = firstHandler.accepted().get(2).position();

    execute("INSERT INTO users VALUES (3, 'while stopped')", "DELETE FROM users WHERE id = 2");
    RecordingHandler secondHandler = startUsers(config("never"), 100);
    execute("INSERT INTO users VALUES (4, 'after restart')");
    await().atMost(WAIT).until(() -> ids(secondHandler.accepted()).contains(4L));

    List<StreamRecord> replayed = new ArrayList<>();
    List<StreamRecord> fresh = new ArrayList<>();
    for (StreamRecord record : secondHandler.accepted()) {
      (record.position().compareTo(lastSeen) <= 0 ? replayed : fresh).add(record);
    }
    LOG.info(
        "after restart: {} repeated, {} new; last seen before {}",
        replayed.size(),
        fresh.size(),
        lastSeen);
    // Repeats, if any, are exactly earlier changes with their earlier positions.
    assertThat(replayed).allSatisfy(record -> assertThat(firstHandler.accepted()).contains(record));
    assertThat(fresh)
        .extracting(StreamRecord::operation)
        .containsExactly(Operation.INSERT, Operation.DELETE, Operation.INSERT);
    assertThat(ids(fresh)).containsExactly(3L, 2L, 4L);
    assertIncreasing(secondHandler.accepted());
    assertThat(Files.exists(stateDir.resolve(PostgresCdcReader.OFFSETS_FILE))).isTrue();
  }

  @Test
  void withoutItsOffsetsFileTheReaderReplaysFromTheSlotWithTheSamePositions() throws Exception {
    RecordingHandler firstHandler = startUsers(config("never"), 100);
    execute("INSERT INTO users VALUES (1, 'a')", "INSERT INTO users VALUES (2, 'b')");
    execute("UPDATE users SET name = 'c' WHERE id = 1");
    await().atMost(WAIT).until(() -> firstHandler.size() == 3);
    readers.remove(0).close();
    Files.delete(stateDir.resolve(PostgresCdcReader.OFFSETS_FILE));

    execute("INSERT INTO users VALUES (3, 'while stopped')");
    RecordingHandler secondHandler = startUsers(config("never"), 100);
    await().atMost(WAIT).until(() -> ids(secondHandler.accepted()).contains(3L));

    StreamPosition lastSeen = firstHandler.accepted().get(2).position();
    List<StreamRecord> replayed =
        secondHandler.accepted().stream()
            .filter(record -> record.position().compareTo(lastSeen) <= 0)
            .toList();
    // The slot confirmed up to the commit before the last transaction, which comes again, with
    // the positions it had: the processor's checkpoint skips it.
    assertThat(replayed).isNotEmpty();
    assertThat(firstHandler.accepted()).containsAll(replayed);
    assertThat(ids(secondHandler.accepted().subList(replayed.size(), secondHandler.size())))
        .containsExactly(3L);
    assertIncreasing(secondHandler.accepted());
  }

  @Test
  void catchesUpWithEverythingChangedWhileStopped() throws SQLException {
    RecordingHandler firstHandler = startUsers(config("never"), 500);
    execute("INSERT INTO users VALUES (0, 'before')");
    await().atMost(WAIT).until(() -> firstHandler.size() == 1);
    readers.remove(0).close();

    // 5000 changes in 10 transactions.
    for (int from = 1; from <= 5000; from += 500) {
      execute(
          "INSERT INTO users SELECT n, 'user ' || n FROM generate_series("
              + from
              + ", "
              + (from + 499)
              + ") AS n");
    }
    long before = System.nanoTime();
    RecordingHandler secondHandler = startUsers(config("never"), 500);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> ids(secondHandler.accepted()).contains(5000L));
    LOG.info(
        "caught up with 5000 changes in {} ms",
        Duration.ofNanos(System.nanoTime() - before).toMillis());

    List<Long> newIds = ids(secondHandler.accepted()).stream().filter(id -> id > 0).toList();
    assertThat(newIds).containsExactlyElementsOf(LongStream.rangeClosed(1, 5000).boxed().toList());
    assertIncreasing(secondHandler.accepted());
    assertThat(secondHandler.calls())
        .allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(500));
  }

  @Test
  void aFailingHandlerGetsTheSameBatchAgain() throws SQLException {
    RecordingHandler handler = new RecordingHandler();
    handler.failNext(2);
    PostgresCdcReader reader =
        start(config("never"), Map.of("public.users", "users_source"), handler, 100);
    execute("INSERT INTO users VALUES (1, 'a')");
    await().atMost(WAIT).until(() -> handler.calls().size() >= 2);
    assertThat(reader.lastError()).contains("injected failure");
    await().atMost(WAIT).until(() -> handler.size() >= 1);
    execute("INSERT INTO users VALUES (2, 'b')");
    await().atMost(WAIT).until(() -> handler.size() == 2);

    List<List<StreamRecord>> calls = handler.calls();
    assertThat(calls.get(1)).isEqualTo(calls.get(0));
    assertThat(calls.get(2)).isEqualTo(calls.get(0));
    assertThat(ids(handler.accepted())).containsExactly(1L, 2L);
    assertThat(reader.isRunning()).isTrue();
  }

  @Test
  void initialSnapshotPrecedesTheStreamWithLowerPositions() throws SQLException {
    execute("INSERT INTO users SELECT n, 'existing' FROM generate_series(1, 3) AS n");
    RecordingHandler handler = startUsers(config("initial"), 100);
    await().atMost(WAIT).until(() -> handler.size() == 3);
    execute("INSERT INTO users VALUES (4, 'streamed')");
    await().atMost(WAIT).until(() -> handler.size() == 4);

    List<StreamRecord> records = handler.accepted();
    assertThat(ids(records)).containsExactly(1L, 2L, 3L, 4L);
    assertThat(records).extracting(StreamRecord::operation).containsOnly(Operation.INSERT);
    assertIncreasing(records);
    assertThat(records.get(0).position().major()).isEqualTo(records.get(2).position().major());
    assertThat(records.get(3).position().major()).isGreaterThan(records.get(2).position().major());
  }

  @Test
  void recoversFromADatabaseOutage() throws SQLException {
    try (TestingPostgresServer own = TestingPostgresServer.start(true)) {
      String ownDatabase = own.createDatabase("cdc_outage");
      try (Connection connection = own.connect(ownDatabase)) {
        execute(connection, "CREATE TABLE users (id bigint PRIMARY KEY, name text)");
      }
      CdcConfig config =
          new CdcConfig(own.host(), own.port(), ownDatabase, own.user(), "", slot, slot, "never");
      RecordingHandler handler = startUsers(config, 100);
      try (Connection connection = own.connect(ownDatabase)) {
        execute(connection, "INSERT INTO users VALUES (1, 'before')");
      }
      await().atMost(WAIT).until(() -> handler.size() == 1);
      PostgresCdcReader reader = readers.get(0);

      own.stop();
      await().atMost(WAIT).until(() -> !reader.isRunning() && reader.lastError() != null);
      own.restart();
      try (Connection connection = own.connect(ownDatabase)) {
        execute(connection, "INSERT INTO users VALUES (2, 'after')");
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> ids(handler.accepted()).contains(2L));
      assertThat(reader.isRunning()).isTrue();
      assertThat(ids(handler.accepted())).containsExactly(1L, 2L);
      readers.remove(0).close();
    }
  }

  @Test
  void startFailsWithoutLogicalWalLevel() {
    try (TestingPostgresServer plain = TestingPostgresServer.start(false)) {
      CdcConfig config =
          new CdcConfig(
              plain.host(), plain.port(), "postgres", plain.user(), "", slot, slot, "never");
      PostgresCdcReader reader =
          new PostgresCdcReader(config, Map.of("users", "users"), stateDir, 100);
      readers.add(reader);
      assertThatThrownBy(() -> reader.start(new RecordingHandler(), Map.of()))
          .isInstanceOfSatisfying(
              FeatureStoreException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
          .hasMessageContaining("wal_level is 'replica'")
          .hasMessageContaining("wal_level=logical")
          .hasMessageContaining(plain.user() + "@" + plain.host() + ":" + plain.port());
      assertThat(reader.isRunning()).isFalse();
    }
  }

  @Test
  void startFailsWithoutReplicationRights() throws SQLException {
    execute("CREATE ROLE cdc_plain_" + SLOTS.get() + " LOGIN");
    CdcConfig config =
        new CdcConfig(
            server.host(),
            server.port(),
            database,
            "cdc_plain_" + SLOTS.get(),
            "",
            slot,
            slot,
            "never");
    PostgresCdcReader reader =
        new PostgresCdcReader(config, Map.of("users", "users"), stateDir, 100);
    readers.add(reader);
    assertThatThrownBy(() -> reader.start(new RecordingHandler(), Map.of()))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("user 'cdc_plain_" + SLOTS.get() + "' may not stream changes")
        .hasMessageContaining("REPLICATION");
  }

  @Test
  void unknownSnapshotModeIsAConfigError() {
    assertThatThrownBy(
            () -> new PostgresCdcReader(config("sometimes"), Map.of("users", "u"), stateDir, 100))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageContaining("materializer.streaming.cdc.snapshot: 'sometimes'");
  }

  private RecordingHandler startUsers(CdcConfig config, int batchSize) {
    RecordingHandler handler = new RecordingHandler();
    start(config, Map.of("users", "users_source"), handler, batchSize);
    return handler;
  }

  private PostgresCdcReader start(
      CdcConfig config, Map<String, String> tables, RecordingHandler handler, int batchSize) {
    PostgresCdcReader reader = new PostgresCdcReader(config, tables, stateDir, batchSize);
    readers.add(reader);
    reader.start(handler, Map.of());
    // Changes committed before the engine has its slot would be missed with snapshot "never".
    await().atMost(WAIT).until(reader::isRunning);
    return reader;
  }

  private CdcConfig config(String snapshot) {
    return new CdcConfig(
        server.host(), server.port(), database, server.user(), "", slot, slot + "_pub", snapshot);
  }

  private void execute(String... statements) throws SQLException {
    try (Connection connection = server.connect(database)) {
      for (String sql : statements) {
        execute(connection, sql);
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<Long> ids(List<StreamRecord> records) {
    return records.stream().map(record -> (Long) record.columns().get("id")).toList();
  }

  private static void assertIncreasing(List<StreamRecord> records) {
    for (int i = 1; i < records.size(); i++) {
      assertThat(records.get(i).position())
          .as("position of record %d (%s) after %s", i, records.get(i), records.get(i - 1))
          .isGreaterThan(records.get(i - 1).position());
    }
  }
}
