package dev.featurestore.materializer.stream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.materializer.stream.StreamPosition;
import dev.featurestore.materializer.stream.StreamRecord;
import dev.featurestore.testing.TestingKafkaCluster;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link KafkaSourceReader} against a real in-process broker, one topic per test. */
class KafkaSourceReaderIT {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceReaderIT.class);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static TestingKafkaCluster kafka;

  private final List<KafkaSourceReader> readers = new ArrayList<>();
  private String topic;

  @BeforeAll
  static void startKafka() {
    kafka = TestingKafkaCluster.start();
    LOG.info("Kafka broker started in {} ms", kafka.startupTime().toMillis());
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  @AfterEach
  void closeReaders() {
    readers.forEach(KafkaSourceReader::close);
  }

  private void createTopic(TestInfo test, int partitions) {
    topic = test.getTestMethod().orElseThrow().getName();
    kafka.createTopic(topic, partitions);
  }

  @Test
  void decodesJsonWithoutSchemaToPlainValues(TestInfo test) {
    createTopic(test, 1);
    Instant sent = Instant.parse("2024-05-01T12:00:00.250Z");
    kafka.send(
        new ProducerRecord<>(
            topic,
            0,
            sent.toEpochMilli(),
            "u1",
            "{\"user_id\":\"u1\",\"amount\":12.5,\"count\":3,\"active\":true,\"note\":null,"
                + "\"tags\":[\"a\",\"b\"],\"at\":\"2024-05-01T12:00:00Z\"}"));
    RecordingHandler handler = start(source(""), 100, Map.of());

    StreamRecord record = awaitRecords(handler, 1).get(0);

    assertThat(record.source()).isEqualTo("transactions_stream");
    assertThat(record.operation()).isEqualTo(StreamRecord.Operation.INSERT);
    assertThat(record.position()).isEqualTo(new StreamPosition(topic + "-0", 0, 0));
    assertThat(record.committedAt()).isEqualTo(sent);
    Map<String, Object> expected = new HashMap<>();
    expected.put("user_id", "u1");
    expected.put("amount", 12.5);
    expected.put("count", 3L);
    expected.put("active", true);
    expected.put("note", null);
    expected.put("tags", "[\"a\",\"b\"]");
    expected.put("at", "2024-05-01T12:00:00Z");
    assertThat(record.columns()).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void coercesFieldsToTheSchemaJsonTypes(TestInfo test) {
    createTopic(test, 1);
    kafka.produce(
        topic,
        "u1",
        "{\"user_id\":42,\"amount\":12,\"count\":3,\"active\":false,"
            + "\"created_at\":\"2024-05-01 12:00:00.5\",\"day\":\"2024-05-01\",\"dropped\":1}");
    kafka.produce(topic, "u2", "{\"user_id\":\"u2\",\"created_at\":1714564800}");
    String schema =
        "user_id string, amount double, count int, active boolean, created_at timestamp,"
            + " day date";
    RecordingHandler handler = start(source(schema), 100, Map.of());

    List<StreamRecord> records = awaitRecords(handler, 2);

    assertThat(records.get(0).columns())
        .containsExactly(
            Map.entry("user_id", "42"),
            Map.entry("amount", 12.0),
            Map.entry("count", 3L),
            Map.entry("active", false),
            Map.entry("created_at", Instant.parse("2024-05-01T12:00:00.500Z")),
            Map.entry("day", LocalDate.of(2024, 5, 1)));
    Map<String, Object> second = records.get(1).columns();
    assertThat(second)
        .containsOnlyKeys("user_id", "amount", "count", "active", "created_at", "day");
    assertThat(second.get("created_at")).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
    assertThat(second.get("amount")).isNull();
    assertThat(second.get("day")).isNull();
  }

  @Test
  void rejectsMalformedMessagesAndDeliversTheNextOnes(TestInfo test) {
    createTopic(test, 1);
    kafka.produce(topic, "u1", "{\"user_id\":\"u1\",\"amount\":1.5}");
    kafka.produce(topic, "u2", "{\"user_id\": \"u2\", amount: 2}");
    kafka.produce(topic, "u3", "{\"user_id\":\"u3\",\"amount\":\"lots\"}");
    kafka.produce(topic, "u4", "[1, 2]");
    kafka.produce(topic, "u5", "{\"user_id\":\"u5\",\"amount\":5}");
    RecordingHandler handler = start(source("user_id string, amount double"), 100, Map.of());

    await().atMost(WAIT).until(() -> handler.calls().size() == 5);

    List<RecordingHandler.Call> calls = handler.calls();
    assertThat(calls.get(0).records())
        .extracting(r -> r.columns().get("user_id"))
        .containsExactly("u1");
    assertThat(calls.get(1).rejected()).isEqualTo(new StreamPosition(topic + "-0", 1, 0));
    assertThat(calls.get(1).problem())
        .startsWith("transactions_stream: topic " + topic + ", partition 0, offset 1: ")
        .contains("not valid JSON");
    assertThat(calls.get(2).rejected()).isEqualTo(new StreamPosition(topic + "-0", 2, 0));
    assertThat(calls.get(2).problem())
        .contains("offset 2")
        .contains("field amount: expected double, got string \"lots\"");
    assertThat(calls.get(3).problem()).contains("offset 3").contains("not an object");
    assertThat(calls.get(4).records())
        .extracting(r -> r.columns().get("amount"))
        .containsExactly(5.0);
  }

  @Test
  void resumesAfterTheCheckpointedOffset(TestInfo test) {
    createTopic(test, 1);
    for (int i = 0; i < 5; i++) {
      kafka.produce(topic, "u", "{\"seq\":" + i + "}");
    }
    RecordingHandler handler = new RecordingHandler();
    KafkaSourceReader reader = reader(source(""), 100, Map.of());
    reader.start(handler, Map.of(topic + "-0", new StreamPosition(topic + "-0", 2, 0)));

    List<StreamRecord> records = awaitRecords(handler, 2);
    kafka.produce(topic, "u", "{\"seq\":5}");
    records = awaitRecords(handler, 3);

    assertThat(records).extracting(r -> r.position().major()).containsExactly(3L, 4L, 5L);
    assertThat(records).extracting(r -> r.columns().get("seq")).containsExactly(3L, 4L, 5L);
  }

  @Test
  void readsEveryPartitionKeepingEachOneInOrder(TestInfo test) {
    createTopic(test, 3);
    for (int i = 0; i < 10; i++) {
      for (int partition = 0; partition < 3; partition++) {
        kafka.send(new ProducerRecord<>(topic, partition, "k", "{\"seq\":" + i + "}"));
      }
    }
    RecordingHandler handler = start(source("seq bigint"), 4, Map.of());

    List<StreamRecord> records = awaitRecords(handler, 30);

    assertThat(handler.calls())
        .allSatisfy(call -> assertThat(call.records()).hasSizeLessThanOrEqualTo(4));
    for (int partition = 0; partition < 3; partition++) {
      String name = topic + "-" + partition;
      assertThat(records.stream().filter(r -> r.position().partition().equals(name)))
          .extracting(r -> r.columns().get("seq"))
          .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }
  }

  @Test
  void handsTheSameRecordsAgainAfterTheHandlerFails(TestInfo test) {
    createTopic(test, 1);
    for (int i = 0; i < 5; i++) {
      kafka.produce(topic, "u", "{\"seq\":" + i + "}");
    }
    RecordingHandler handler = new RecordingHandler(2);
    KafkaSourceReader reader = reader(source(""), 3, Map.of());
    reader.start(handler, Map.of());

    // Retries wait 1 s, then 2 s.
    List<StreamRecord> records = awaitRecords(handler, 5);

    List<List<StreamRecord>> attempts = handler.attempts();
    assertThat(attempts.get(0)).hasSize(3);
    assertThat(attempts.get(1)).isEqualTo(attempts.get(0));
    assertThat(attempts.get(2)).isEqualTo(attempts.get(0));
    assertThat(records).extracting(r -> r.position().major()).containsExactly(0L, 1L, 2L, 3L, 4L);
    assertThat(reader.isRunning()).isTrue();
    assertThat(reader.lastError()).contains("online store unavailable (test)");
  }

  @Test
  void waitsForAMissingTopicAndReadsItOnceCreated(TestInfo test) {
    topic = test.getTestMethod().orElseThrow().getName();
    RecordingHandler handler = new RecordingHandler();
    KafkaSourceReader reader = reader(source(""), 10, Map.of());
    reader.start(handler, Map.of());

    await().atMost(WAIT).until(() -> reader.lastError() != null);
    assertThat(reader.isRunning()).isFalse();
    assertThat(reader.lastError())
        .isEqualTo(
            "cannot read topic "
                + topic
                + " on "
                + kafka.bootstrapServers()
                + ": the topic does not exist");

    kafka.createTopic(topic, 1);
    kafka.produce(topic, "u", "{\"seq\":0}");
    assertThat(awaitRecords(handler, 1).get(0).columns()).containsEntry("seq", 0L);
    assertThat(reader.isRunning()).isTrue();
  }

  private RecordingHandler start(DataSource source, int batchSize, Map<String, String> settings) {
    RecordingHandler handler = new RecordingHandler();
    reader(source, batchSize, settings).start(handler, Map.of());
    return handler;
  }

  private KafkaSourceReader reader(DataSource source, int batchSize, Map<String, String> settings) {
    KafkaSourceReader reader = new KafkaSourceReader(source, settings, batchSize);
    readers.add(reader);
    return reader;
  }

  private DataSource source(String schemaJson) {
    return new DataSource(
        "transactions_stream",
        "created_at",
        "",
        "",
        Map.of(),
        Metadata.EMPTY,
        new DataSource.KafkaOptions(
            kafka.bootstrapServers(), topic, "json", schemaJson, Duration.ZERO, null));
  }

  private static List<StreamRecord> awaitRecords(RecordingHandler handler, int count) {
    await().atMost(WAIT).until(() -> handler.records().size() >= count);
    List<StreamRecord> records = handler.records();
    assertThat(records).hasSize(count);
    return records;
  }
}
