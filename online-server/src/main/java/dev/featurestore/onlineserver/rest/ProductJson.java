package dev.featurestore.onlineserver.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.featurestore.api.v1.FeatureGroup;
import dev.featurestore.api.v1.GetUserFeaturesResponse;
import dev.featurestore.onlineserver.serving.ProductFeatureService.EntityFeatures;
import feast.proto.serving.ServingAPIProto.FieldStatus;
import feast.proto.types.ValueProto.Value;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The product API's JSON: {@code {"user_id", "features": {group: {feature: value}}, "statuses":
 * {group: {feature: status}}, "event_timestamps": {group: time}, "response_time_ms", "cache_hit"}}.
 * Values are native as in Feast's REST JSON; {@code statuses} lists only features that are not
 * PRESENT.
 */
public final class ProductJson {
  private ProductJson() {}

  public static byte[] user(GetUserFeaturesResponse response) {
    return write(g -> {
      g.writeStringField("user_id", response.getUserId());
      groups(g, response.getFeaturesMap());
      g.writeNumberField("response_time_ms", response.getResponseTimeMs());
      g.writeBooleanField("cache_hit", response.getCacheHit());
    });
  }

  public static byte[] entity(EntityFeatures features) {
    return write(g -> {
      g.writeStringField("entity", features.entity());
      g.writeStringField("id", features.id());
      groups(g, features.groups().groups());
      g.writeNumberField("response_time_ms", features.responseTimeMs());
      g.writeBooleanField("cache_hit", features.groups().allFound());
    });
  }

  private static void groups(JsonGenerator g, Map<String, FeatureGroup> groups) throws IOException {
    g.writeObjectFieldStart("features");
    for (Map.Entry<String, FeatureGroup> group : groups.entrySet()) {
      g.writeObjectFieldStart(group.getKey());
      for (Map.Entry<String, Value> value : group.getValue().getValuesMap().entrySet()) {
        g.writeFieldName(value.getKey());
        ValueJson.write(g, value.getValue());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeObjectFieldStart("statuses");
    for (Map.Entry<String, FeatureGroup> group : groups.entrySet()) {
      if (group.getValue().getStatusesCount() > 0) {
        g.writeObjectFieldStart(group.getKey());
        for (Map.Entry<String, FieldStatus> status : group.getValue().getStatusesMap().entrySet()) {
          g.writeStringField(status.getKey(), status.getValue().name());
        }
        g.writeEndObject();
      }
    }
    g.writeEndObject();
    g.writeObjectFieldStart("event_timestamps");
    for (Map.Entry<String, FeatureGroup> group : groups.entrySet()) {
      if (group.getValue().hasEventTimestamp()) {
        g.writeStringField(group.getKey(), ValueJson.timestamp(group.getValue().getEventTimestamp()));
      }
    }
    g.writeEndObject();
  }

  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = FeatureServerJson.FACTORY.createGenerator(out)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
