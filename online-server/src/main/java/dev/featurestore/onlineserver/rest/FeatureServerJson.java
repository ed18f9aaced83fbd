package dev.featurestore.onlineserver.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import feast.proto.serving.ServingAPIProto.FeatureList;
import feast.proto.serving.ServingAPIProto.FieldStatus;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesRequest;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse.FeatureVector;
import feast.proto.types.ValueProto.RepeatedValue;
import feast.proto.types.ValueProto.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSON of Feast's Python feature server ({@code feast/feature_server.py}, feast-compat.md §6),
 * written with Jackson's streaming generator, not protobuf's JSON format (trap 5). Requests are read
 * as a tree; malformed JSON is INVALID_ARGUMENT naming line and column.
 */
public final class FeatureServerJson {
  static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
  static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private FeatureServerJson() {}

  /** Parses a body into a tree, or INVALID_ARGUMENT saying where it is malformed. */
  public static JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw invalid("the request body is empty; expected a JSON object");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw invalid("the request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw invalid("malformed JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A {@code /get-online-features} body as Feast's proto request; entity values typed later. */
  public static GetOnlineFeaturesRequest readOnlineRequest(JsonNode body) {
    GetOnlineFeaturesRequest.Builder request = GetOnlineFeaturesRequest.newBuilder();
    JsonNode service = body.get("feature_service");
    JsonNode features = body.get("features");
    if (service != null && !service.isNull()) {
      if (!service.isTextual()) {
        throw invalid("'feature_service' must be a string");
      }
      request.setFeatureService(service.asText());
    } else if (features != null && !features.isNull()) {
      if (!features.isArray()) {
        throw invalid("'features' must be an array of 'feature_view:feature' strings");
      }
      FeatureList.Builder list = FeatureList.newBuilder();
      for (JsonNode ref : features) {
        if (!ref.isTextual()) {
          throw invalid("'features' must be an array of strings, found " + ref.getNodeType().name().toLowerCase());
        }
        list.addVal(ref.asText());
      }
      request.setFeatures(list);
    }
    JsonNode entities = body.get("entities");
    if (entities != null && !entities.isNull()) {
      if (!entities.isObject()) {
        throw invalid("'entities' must be an object of join key to array of values");
      }
      Iterator<Map.Entry<String, JsonNode>> fields = entities.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        request.putEntities(field.getKey(), column(field.getKey(), field.getValue()));
      }
    }
    JsonNode full = body.get("full_feature_names");
    if (full != null && !full.isNull()) {
      if (!full.isBoolean()) {
        throw invalid("'full_feature_names' must be true or false");
      }
      request.setFullFeatureNames(full.asBoolean());
    }
    return request.build();
  }

  private static RepeatedValue column(String key, JsonNode values) {
    if (!values.isArray()) {
      throw invalid("entity '" + key + "' must be an array of values");
    }
    RepeatedValue.Builder column = RepeatedValue.newBuilder();
    int row = 0;
    for (JsonNode value : values) {
      column.addVal(entityValue(key, row++, value));
    }
    return column.build();
  }

  private static Value entityValue(String key, int row, JsonNode value) {
    if (value.isTextual()) {
      return Value.newBuilder().setStringVal(value.asText()).build();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Value.newBuilder().setInt64Val(value.asLong()).build();
    }
    if (value.isBoolean()) {
      return Value.newBuilder().setBoolVal(value.asBoolean()).build();
    }
    if (value.isFloatingPointNumber()) {
      return Value.newBuilder().setDoubleVal(value.asDouble()).build();
    }
    throw invalid("entity '" + key + "' row " + row + ": " + value.getNodeType().name().toLowerCase()
        + " is not a valid entity value (expected a string or a number)");
  }

  /** Feast's column-major response JSON. */
  public static byte[] writeOnlineResponse(GetOnlineFeaturesResponse response) {
    // A size hint from the counts: getSerializedSize() would walk every value once more just for it.
    int rows = response.getResultsCount() == 0 ? 0 : response.getResults(0).getValuesCount();
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + response.getResultsCount() * rows * 48);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectFieldStart("metadata");
      g.writeArrayFieldStart("feature_names");
      for (String name : response.getMetadata().getFeatureNames().getValList()) {
        g.writeString(name);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeArrayFieldStart("results");
      TimestampText timestamps = new TimestampText();
      for (FeatureVector vector : response.getResultsList()) {
        writeVector(g, vector, timestamps);
      }
      g.writeEndArray();
      if (response.getStatus()) {
        g.writeBooleanField("status", true);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeVector(JsonGenerator g, FeatureVector vector, TimestampText timestamps)
      throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("values");
    for (Value value : vector.getValuesList()) {
      ValueJson.write(g, value);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("statuses");
    for (FieldStatus status : vector.getStatusesList()) {
      g.writeString(status.name());
    }
    g.writeEndArray();
    if (vector.getEventTimestampsCount() > 0) {
      g.writeArrayFieldStart("event_timestamps");
      for (com.google.protobuf.Timestamp ts : vector.getEventTimestampsList()) {
        g.writeString(timestamps.format(ts));
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /**
   * Formats event timestamps, reusing the last text while the timestamp repeats: a response has
   * one timestamp per value, and the rows of a view (and every entity column's epoch) mostly share
   * one, so this saves most of the ISO-8601 formatting, the costliest part of writing the JSON.
   */
  private static final class TimestampText {
    private long seconds;
    private int nanos;
    private String text;

    String format(com.google.protobuf.Timestamp ts) {
      if (text == null || ts.getSeconds() != seconds || ts.getNanos() != nanos) {
        seconds = ts.getSeconds();
        nanos = ts.getNanos();
        text = ValueJson.timestamp(ts);
      }
      return text;
    }
  }

  static FeatureStoreException invalid(String message) {
    return new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
