package dev.featurestore.materializer.stream.kafka;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.featurestore.materializer.stream.kafka.JsonMessageSchema.Column;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes a Kafka message value holding one JSON object into stream record columns.
 *
 * <p>With a {@link JsonMessageSchema} it follows pyspark's {@code from_json}, as Feast's {@code
 * spark_kafka_processor.py} uses it: the declared columns only, a missing or null field is null,
 * other fields are dropped, and values are coerced to the declared types ({@link
 * JsonValueCoercion}). Unlike {@code from_json}, which turns a malformed message into a row of
 * nulls, a message that breaks the schema is refused, so it is counted and logged instead of
 * silently blanking features. Without a schema every top-level field becomes a column: integers
 * {@link Long}, other numbers {@link Double}, strings, booleans and nulls as they are, nested
 * objects and arrays as their JSON text. Thread-safe.
 */
final class JsonMessageDecoder {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Optional<JsonMessageSchema> schema;

  JsonMessageDecoder(Optional<JsonMessageSchema> schema) {
    this.schema = schema;
  }

  /**
   * Returns the columns of one message, in the schema's order or else the message's.
   *
   * @throws BadMessageException when the value is not one JSON object or a field breaks the schema
   */
  Map<String, Object> decode(byte[] value) throws BadMessageException {
    if (value == null) {
      throw new BadMessageException("the message has no value (a tombstone)");
    }
    JsonNode root = parse(value);
    if (!root.isObject()) {
      throw new BadMessageException(
          "the message is a JSON " + root.getNodeType().name().toLowerCase() + ", not an object");
    }
    Map<String, Object> columns = new LinkedHashMap<>();
    if (schema.isPresent()) {
      for (Column column : schema.get().columns()) {
        columns.put(column.name(), JsonValueCoercion.coerce(root.get(column.name()), column));
      }
    } else {
      Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        columns.put(field.getKey(), JsonValueCoercion.plain(field.getKey(), field.getValue()));
      }
    }
    return columns;
  }

  private static JsonNode parse(byte[] value) throws BadMessageException {
    try {
      JsonNode root = MAPPER.readTree(value);
      if (root == null || root.isMissingNode()) {
        throw new BadMessageException("the message is empty, not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new BadMessageException(
          "the message is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new BadMessageException("the message cannot be read as JSON: " + e.getMessage());
    }
  }
}
