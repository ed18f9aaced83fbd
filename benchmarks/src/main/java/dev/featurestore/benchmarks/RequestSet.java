package dev.featurestore.benchmarks;

import dev.featurestore.core.online.EntityKeySerializer;
import dev.featurestore.core.online.RedisKeys;
import feast.proto.serving.ServingAPIProto.FeatureList;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesRequest;
import feast.proto.types.ValueProto.RepeatedValue;
import feast.proto.types.ValueProto.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Every request of one shape (entities x features), built once before measuring so callers only
 * send: the same entities in the same order for raw Redis, gRPC and REST. Request {@code i} reads
 * entities {@code i*E .. i*E+E-1} (mod the dataset), so consecutive requests touch different hashes.
 *
 * @param hashKeys per request, the Redis hash keys of its entities, as the server computes them
 * @param fields the HMGET fields: the view's features, then {@code _ts:<view>}, as the server asks
 */
public record RequestSet(
    int entities,
    int features,
    List<byte[][]> hashKeys,
    byte[][] fields,
    List<GetOnlineFeaturesRequest> grpc,
    List<byte[]> restBodies) {

  /** How many distinct requests a shape cycles through. */
  static final int POOL = 64;

  public static RequestSet build(SyntheticDataset dataset, int entities, int features) {
    String view = SyntheticDataset.viewName(features);
    if (!SyntheticDataset.FEATURE_COUNTS.contains(features)) {
      throw new IllegalArgumentException("no view has " + features + " features");
    }
    EntityKeySerializer serializer = new EntityKeySerializer(3);
    List<String> refs = new ArrayList<>();
    byte[][] fields = new byte[features + 1][];
    for (int f = 0; f < features; f++) {
      refs.add(view + ":" + SyntheticDataset.featureName(f));
      fields[f] = RedisKeys.featureField(view, SyntheticDataset.featureName(f));
    }
    fields[features] = RedisKeys.timestampField(view);
    FeatureList featureList = FeatureList.newBuilder().addAllVal(refs).build();
    List<byte[][]> keys = new ArrayList<>();
    List<GetOnlineFeaturesRequest> grpc = new ArrayList<>();
    List<byte[]> bodies = new ArrayList<>();
    for (int r = 0; r < POOL; r++) {
      byte[][] requestKeys = new byte[entities][];
      RepeatedValue.Builder ids = RepeatedValue.newBuilder();
      StringBuilder json = new StringBuilder("{\"features\":[");
      for (int f = 0; f < refs.size(); f++) {
        json.append(f == 0 ? "" : ",").append('"').append(refs.get(f)).append('"');
      }
      json.append("],\"entities\":{\"").append(SyntheticDataset.JOIN_KEY).append("\":[");
      for (int e = 0; e < entities; e++) {
        long id = SyntheticDataset.entityId((r * entities + e) % dataset.entities());
        requestKeys[e] = RedisKeys.hashKey(serializer.serialize(SyntheticDataset.key(id)), SyntheticDataset.PROJECT);
        ids.addVal(Value.newBuilder().setInt64Val(id));
        json.append(e == 0 ? "" : ",").append(id);
      }
      json.append("]}}");
      keys.add(requestKeys);
      grpc.add(GetOnlineFeaturesRequest.newBuilder().setFeatures(featureList)
          .putEntities(SyntheticDataset.JOIN_KEY, ids.build()).build());
      bodies.add(json.toString().getBytes(StandardCharsets.UTF_8));
    }
    return new RequestSet(entities, features, List.copyOf(keys), fields, List.copyOf(grpc), List.copyOf(bodies));
  }

  public String label() {
    return entities + "x" + features;
  }
}
