package dev.featurestore.materializer.stream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.testing.Ports;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link KafkaSourceReader} refuses at start, and how it behaves without a broker. */
class KafkaSourceReaderTest {

  @Test
  void refusesAvroAndProtoAtStart() {
    for (String format : new String[] {"avro", "proto"}) {
      try (KafkaSourceReader reader = reader(source("localhost:9092", format, ""))) {
        assertThatThrownBy(() -> reader.start(new RecordingHandler(), Map.of()))
            .isInstanceOf(FeatureStoreException.class)
            .hasMessage(
                "KafkaSource clicks uses message format "
                    + format
                    + ": only JSON is supported (JsonFormat)")
            .extracting(e -> ((FeatureStoreException) e).code())
            .isEqualTo(ErrorCode.UNSUPPORTED_CONSTRUCT);
        assertThat(reader.isRunning()).isFalse();
      }
    }
  }

  @Test
  void refusesSchemaTypesJsonCannotCarryAtStart() {
    try (KafkaSourceReader reader =
        reader(source("localhost:9092", "json", "user_id string, tags array<string>"))) {
      assertThatThrownBy(() -> reader.start(new RecordingHandler(), Map.of()))
          .isInstanceOf(FeatureStoreException.class)
          .hasMessageStartingWith(
              "KafkaSource clicks: schema_json column tags has type array<string>, which JSON"
                  + " messages do not support");
    }
  }

  @Test
  void needsBootstrapServersFromTheSourceOrTheSettings() {
    try (KafkaSourceReader reader = reader(source("", "json", ""))) {
      assertThatThrownBy(() -> reader.start(new RecordingHandler(), Map.of()))
          .isInstanceOf(FeatureStoreException.class)
          .hasMessageContaining("has no kafka_bootstrap_servers");
    }
  }

  @Test
  void keepsRetryingWhileTheBrokerIsUnreachableAndStopsOnClose() {
    int port = Ports.freePort();
    KafkaSourceReader reader =
        new KafkaSourceReader(
            source("localhost:9092", "json", ""),
            // The settings win over the source's servers.
            Map.of("bootstrap.servers", "127.0.0.1:" + port, "default.api.timeout.ms", "500"),
            10);
    reader.start(new RecordingHandler(), Map.of());

    await().atMost(Duration.ofSeconds(20)).until(() -> reader.lastError() != null);

    assertThat(reader.isRunning()).isFalse();
    assertThat(reader.lastError())
        .startsWith("cannot read topic clicks on 127.0.0.1:" + port + ": ");
    long closing = System.nanoTime();
    reader.close();
    assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(10));
  }

  private static KafkaSourceReader reader(DataSource source) {
    return new KafkaSourceReader(source, Map.of(), 10);
  }

  private static DataSource source(String servers, String format, String schemaJson) {
    return new DataSource(
        "clicks",
        "event_timestamp",
        "",
        "",
        Map.of(),
        Metadata.EMPTY,
        new DataSource.KafkaOptions(servers, "clicks", format, schemaJson, Duration.ZERO, null));
  }
}
