package dev.featurestore.benchmarks.jmh;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import feast.proto.types.ValueProto.DoubleList;
import feast.proto.types.ValueProto.Value;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parsing stored values: the Redis reader turns every HMGET field into a {@code feast.types.Value}
 * and every {@code _ts:<view>} into a Timestamp. {@code row20} is one 20-feature row of the load
 * generator's mixed types.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ValueParsingBenchmark {
  private final byte[] int64 = Value.newBuilder().setInt64Val(1_234_567_890L).build().toByteArray();
  private final byte[] dbl = Value.newBuilder().setDoubleVal(3.14159).build().toByteArray();
  private final byte[] str = Value.newBuilder().setStringVal("segment_42").build().toByteArray();
  private final byte[] list = Value.newBuilder().setDoubleListVal(DoubleList.newBuilder()
      .addVal(1.5).addVal(2.5).addVal(3.5).addVal(-1.5)).build().toByteArray();
  private final byte[] timestamp = Timestamp.newBuilder().setSeconds(1_705_320_000L).setNanos(500_000_000).build()
      .toByteArray();
  private final byte[][] row20 = row();

  private byte[][] row() {
    byte[][] mixed = {int64, dbl, Value.newBuilder().setFloatVal(0.5f).build().toByteArray(), str,
        Value.newBuilder().setBoolVal(true).build().toByteArray(),
        Value.newBuilder().setInt32Val(4242).build().toByteArray(), list};
    byte[][] row = new byte[20][];
    for (int f = 0; f < row.length; f++) {
      row[f] = mixed[f % mixed.length];
    }
    return row;
  }

  @Benchmark
  public Value parseInt64() throws InvalidProtocolBufferException {
    return Value.parseFrom(int64);
  }

  @Benchmark
  public Value parseDouble() throws InvalidProtocolBufferException {
    return Value.parseFrom(dbl);
  }

  @Benchmark
  public Value parseString() throws InvalidProtocolBufferException {
    return Value.parseFrom(str);
  }

  @Benchmark
  public Value parseDoubleList() throws InvalidProtocolBufferException {
    return Value.parseFrom(list);
  }

  @Benchmark
  public Timestamp parseTimestamp() throws InvalidProtocolBufferException {
    return Timestamp.parseFrom(timestamp);
  }

  @Benchmark
  public void parseRow20(Blackhole blackhole) throws InvalidProtocolBufferException {
    for (byte[] field : row20) {
      blackhole.consume(Value.parseFrom(field));
    }
    blackhole.consume(Timestamp.parseFrom(timestamp));
  }
}
