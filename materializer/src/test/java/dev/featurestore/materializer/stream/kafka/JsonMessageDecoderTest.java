package dev.featurestore.materializer.stream.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.materializer.stream.kafka.JsonMessageSchema.Column;
import dev.featurestore.materializer.stream.kafka.JsonMessageSchema.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Feast's schema_json (Spark DDL) and how JSON fields are coerced to it. */
class JsonMessageDecoderTest {

  @Test
  void readsSparkDdlAsFeastDocumentsIt() {
    JsonMessageSchema schema =
        JsonMessageSchema.parse(
            "driver_id integer, event_timestamp timestamp, conv_rate double, acc_rate double,"
                + " created timestamp",
            "KafkaSource s");

    assertThat(schema.columns())
        .extracting(Column::name, Column::kind)
        .containsExactly(
            tuple("driver_id", Kind.INTEGER),
            tuple("event_timestamp", Kind.TIMESTAMP),
            tuple("conv_rate", Kind.DOUBLE),
            tuple("acc_rate", Kind.DOUBLE),
            tuple("created", Kind.TIMESTAMP));
  }

  @Test
  void acceptsQuotedNamesDecimalArgumentsAndModifiers() {
    JsonMessageSchema schema =
        JsonMessageSchema.parse(
            "`user id` STRING NOT NULL, price DECIMAL(10, 2) COMMENT 'in euros, gross', n:BIGINT",
            "KafkaSource s");

    assertThat(schema.columns())
        .extracting(Column::name, Column::declaredType)
        .containsExactly(
            tuple("user id", "string"), tuple("price", "decimal(10, 2)"), tuple("n", "bigint"));
  }

  @Test
  void refusesUnknownTypesMissingTypesAndDuplicates() {
    assertThatThrownBy(() -> JsonMessageSchema.parse("a string, b interval", "KafkaSource s"))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageStartingWith("KafkaSource s: schema_json column b has type interval,");
    assertThatThrownBy(() -> JsonMessageSchema.parse("a string, b", "KafkaSource s"))
        .hasMessage("KafkaSource s: schema_json cannot read column definition 'b'");
    assertThatThrownBy(() -> JsonMessageSchema.parse("a string, a int", "KafkaSource s"))
        .hasMessage("KafkaSource s: schema_json column a is declared twice");
    assertThatThrownBy(() -> JsonMessageSchema.parse("a string,", "KafkaSource s"))
        .hasMessageContaining("empty column definition");
  }

  @Test
  void checksIntegerWidthsAndTimestampForms() throws Exception {
    JsonMessageDecoder decoder = decoder("small tinyint, at timestamp");

    assertThat(decoder.decode(json("{\"small\":127,\"at\":\"2024-05-01T14:00:00+02:00\"}")))
        .containsEntry("small", 127L)
        .containsEntry("at", Instant.parse("2024-05-01T12:00:00Z"));
    assertThat(decoder.decode(json("{\"at\":1714564800.25}")))
        .containsEntry("at", Instant.parse("2024-05-01T12:00:00.250Z"));
    assertThatThrownBy(() -> decoder.decode(json("{\"small\":128}")))
        .hasMessage("field small: 128 is out of range for tinyint");
    assertThatThrownBy(() -> decoder.decode(json("{\"small\":1.5}")))
        .hasMessage("field small: expected tinyint, got number 1.5");
    assertThatThrownBy(() -> decoder.decode(json("{\"at\":\"yesterday\"}")))
        .hasMessage("field at: string \"yesterday\" is not an ISO-8601 timestamp or epoch seconds");
  }

  @Test
  void followsFromJsonForStringsDoublesBooleansAndBinary() throws Exception {
    JsonMessageDecoder decoder = decoder("s string, d double, p decimal(5,2), b boolean, x binary");

    assertThat(
            decoder.decode(
                json("{\"s\":{\"k\":1},\"d\":\"NaN\",\"p\":\"1.25\",\"b\":true,\"x\":\"AQI=\"}")))
        .containsEntry("s", "{\"k\":1}")
        .containsEntry("d", Double.NaN)
        .containsEntry("p", 1.25)
        .containsEntry("b", true)
        .hasEntrySatisfying("x", x -> assertThat((byte[]) x).containsExactly(1, 2));
    assertThatThrownBy(() -> decoder.decode(json("{\"b\":\"true\"}")))
        .hasMessage("field b: expected boolean, got string \"true\"");
    assertThatThrownBy(() -> decoder.decode(json("{\"d\":\"1.5\"}")))
        .hasMessage("field d: expected double, got string \"1.5\"");
  }

  @Test
  void refusesWhatIsNotOneJsonObject() {
    JsonMessageDecoder decoder = new JsonMessageDecoder(Optional.empty());

    assertThatThrownBy(() -> decoder.decode(json("{\"a\":1} {\"a\":2}")))
        .hasMessageStartingWith("the message is not valid JSON (line 1, column ");
    assertThatThrownBy(() -> decoder.decode(json("")))
        .hasMessage("the message is empty, not a JSON object");
    assertThatThrownBy(() -> decoder.decode(json("\"text\"")))
        .hasMessage("the message is a JSON string, not an object");
    assertThatThrownBy(() -> decoder.decode(null))
        .hasMessage("the message has no value (a tombstone)");
    assertThatThrownBy(() -> decoder.decode(json("{\"big\":123456789012345678901234567890}")))
        .hasMessage("field big: 123456789012345678901234567890 does not fit in 64 bits");
  }

  @Test
  void keepsEveryFieldWithoutASchema() throws Exception {
    Map<String, Object> columns =
        new JsonMessageDecoder(Optional.empty())
            .decode(json("{\"b\":2,\"a\":1.0,\"c\":[1],\"d\":false}"));

    assertThat(columns)
        .containsExactly(
            Map.entry("b", 2L), Map.entry("a", 1.0), Map.entry("c", "[1]"), Map.entry("d", false));
  }

  private static JsonMessageDecoder decoder(String ddl) {
    return new JsonMessageDecoder(Optional.of(JsonMessageSchema.parse(ddl, "KafkaSource s")));
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
