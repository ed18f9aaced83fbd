package dev.featurestore.benchmarks.jmh;

import dev.featurestore.core.online.EntityKeySerializer;
import dev.featurestore.core.online.RedisKeys;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Entity key serialization (version 3) and the Redis hash key built from it, once per entity read. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EntityKeyBenchmark {
  private final EntityKeySerializer serializer = new EntityKeySerializer(3);
  private final EntityKey int64Key = EntityKey.newBuilder().addJoinKeys("user_id")
      .addEntityValues(Value.newBuilder().setInt64Val(1_000_042L)).build();
  private final EntityKey stringKey = EntityKey.newBuilder().addJoinKeys("user_id")
      .addEntityValues(Value.newBuilder().setStringVal("user_00042")).build();
  // Out of order on purpose: the serializer sorts join keys.
  private final EntityKey compositeKey = EntityKey.newBuilder().addJoinKeys("user_id").addJoinKeys("merchant_id")
      .addEntityValues(Value.newBuilder().setStringVal("user_00042"))
      .addEntityValues(Value.newBuilder().setStringVal("m_7")).build();

  @Benchmark
  public byte[] serializeInt64() {
    return serializer.serialize(int64Key);
  }

  @Benchmark
  public byte[] serializeString() {
    return serializer.serialize(stringKey);
  }

  @Benchmark
  public byte[] serializeComposite() {
    return serializer.serialize(compositeKey);
  }

  @Benchmark
  public byte[] redisHashKeyInt64() {
    return RedisKeys.hashKey(serializer.serialize(int64Key), "bench");
  }
}
