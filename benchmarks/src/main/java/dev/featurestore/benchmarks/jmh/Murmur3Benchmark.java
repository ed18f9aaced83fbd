package dev.featurestore.benchmarks.jmh;

import dev.featurestore.core.online.Murmur3;
import dev.featurestore.core.online.RedisKeys;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Murmur3 field hashing: Feast names a feature's Redis field by the murmur3 of "view:feature", so
 * the reader hashes every requested feature of every request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Murmur3Benchmark {
  private final byte[] shortRef = "user_50:f17".getBytes(StandardCharsets.UTF_8);
  private final byte[] longRef = "user_transaction_velocity_features:txn_amount_sum_24h".getBytes(StandardCharsets.UTF_8);

  @Benchmark
  public int hashShort() {
    return Murmur3.hash32(shortRef);
  }

  @Benchmark
  public int hashLong() {
    return Murmur3.hash32(longRef);
  }

  @Benchmark
  public byte[] featureField() {
    return RedisKeys.featureField("user_50", "f17");
  }

  /** The fields of one 20-feature read, as the Redis reader builds them per request. */
  @Benchmark
  public byte[][] twentyFeatureFields() {
    byte[][] fields = new byte[20][];
    for (int f = 0; f < 20; f++) {
      fields[f] = RedisKeys.featureField("user_20", FEATURES[f]);
    }
    return fields;
  }

  private static final String[] FEATURES = new String[20];

  static {
    for (int f = 0; f < FEATURES.length; f++) {
      FEATURES[f] = "f" + f;
    }
  }
}
