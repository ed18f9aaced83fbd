package dev.featurestore.benchmarks;

import dev.featurestore.onlineserver.OnlineServer;
import dev.featurestore.onlineserver.metrics.ServingMetrics;
import dev.featurestore.onlineserver.OnlineServerConfig;
import dev.featurestore.onlineserver.serving.RegistrySnapshotSource;
import dev.featurestore.onlinestore.redis.RedisConnectionString;
import dev.featurestore.onlinestore.redis.RedisOnlineStore;
import dev.featurestore.onlinestore.redis.RedisOnlineStoreConfig;
import dev.featurestore.testing.TestingRedisServer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.HostAndPort;

/**
 * Measures the online server against raw Redis in one process and one run: a private Redis (or
 * {@code --redis}), a synthetic dataset written through {@link RedisOnlineStore}, the real {@link
 * OnlineServer} on free ports, then per scenario raw HMGETs, an empty gRPC call, gRPC and REST
 * reads of the same keys, alternating slice by slice so machine noise hits every mode alike.
 * Prints a markdown report (latency percentiles, throughput, ratios against the targets, CPU per
 * call by role) and writes it to {@code --out}. See docs/BENCHMARKS.md.
 */
public final class LoadGenerator {
  static final String CLIENT_LOOP_PREFIX = "bench-grpc-client";

  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println(run(options).report());
    System.exit(0); // Boot and Netty leave non-daemon threads behind for a while
  }

  /**
   * What a run measured, and its markdown report (also written to {@code --out}).
   *
   * @param hitRate online-store hits / (hits + misses) the server counted over the whole run
   */
  record Run(List<ScenarioResult> results, String report, double hitRate) {}

  private static double hitRate(OnlineServer server) {
    double hits = server.meterRegistry().find(ServingMetrics.STORE_HITS).counters().stream()
        .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    double misses = server.meterRegistry().find(ServingMetrics.STORE_MISSES).counters().stream()
        .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    return hits + misses == 0 ? 0 : hits / (hits + misses);
  }

  /** Runs every scenario. */
  static Run run(LoadOptions options) throws Exception {
    MachineInfo machineBefore = MachineInfo.capture();
    TestingRedisServer privateRedis = options.redis().isPresent() ? null : TestingRedisServer.start();
    String redisAddress = options.redis().orElseGet(() -> privateRedis.host() + ":" + privateRedis.port());
    HostAndPort redis = HostAndPort.from(redisAddress);
    RedisOnlineStore store = new RedisOnlineStore(new RedisOnlineStoreConfig(RedisOnlineStoreConfig.RedisType.REDIS,
        RedisConnectionString.parse(redisAddress), "mymaster", OptionalInt.empty(), false, 3, 2000, 2000, 64));
    SyntheticDataset dataset = new SyntheticDataset(options.entities());
    NioEventLoopGroup clientLoop = new NioEventLoopGroup(1, new DefaultThreadFactory(CLIENT_LOOP_PREFIX, true));
    OnlineServer server = null;
    ManagedChannel channel = null;
    try (RedisCpu redisCpu = new RedisCpu(redis); ClosedLoopRunner runner = new ClosedLoopRunner()) {
      long writeStart = System.nanoTime();
      dataset.write(store);
      log("wrote %d entities x %s features to Redis %s in %d ms", dataset.entities(), SyntheticDataset.FEATURE_COUNTS,
          redisAddress, (System.nanoTime() - writeStart) / 1_000_000);
      // Defaults but for the ports and a deadline a noisy shared machine will not hit mid-run.
      OnlineServerConfig config = OnlineServerConfig.from(Map.of("rest_port", 0, "grpc_port", 0,
          "host", "127.0.0.1", "deadline_ms", 1000));
      server = OnlineServer.start(config, RegistrySnapshotSource.fixed(dataset.contents()), store);
      log("server up: REST :%d, gRPC :%d", server.restPort(), server.grpcPort());
      // Its own event loop, so the client's Netty CPU is not mixed up with the server's.
      channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext()
          .eventLoopGroup(clientLoop).channelType(NioSocketChannel.class).build();
      Endpoints endpoints = new Endpoints(redis, channel, "127.0.0.1", server.restPort());
      ScenarioRunner scenarios = new ScenarioRunner(runner, new CpuMeter(redisCpu::cpuMicros), options);
      LoopOverhead overhead = LoopOverhead.measure(runner);
      List<ScenarioResult> results = new ArrayList<>();
      List<Mode> latencyModes = List.of(Mode.RAW_REDIS, Mode.GRPC_EMPTY, Mode.GRPC, Mode.REST);
      RequestSet one = RequestSet.build(dataset, 1, 10);
      RequestSet fifty = RequestSet.build(dataset, 50, 20);
      RequestSet hundred = RequestSet.build(dataset, 100, 50);
      scenarios.warmUp(List.of(one, fifty, hundred), endpoints);
      Profiling profiling = Profiling.start(options.jfr());
      results.add(scenarios.run("1x10, 1 caller", one, 1, latencyModes, true, endpoints));
      results.add(scenarios.run("1x10, 2 callers", one, 2, latencyModes, true, endpoints));
      results.add(scenarios.run("50x20, 1 caller", fifty, 1, latencyModes, true, endpoints));
      results.add(scenarios.run("100x50, 1 caller", hundred, 1, latencyModes, true, endpoints));
      results.add(scenarios.run("saturation 1x10, " + options.saturationCallers() + " callers", one,
          options.saturationCallers(), List.of(Mode.RAW_REDIS, Mode.GRPC, Mode.REST), false, endpoints));
      String profile = profiling.stop();
      String report = MarkdownReport.render(options, machineBefore, MachineInfo.capture(), overhead, results, profile);
      if (options.out().isPresent()) {
        if (options.out().get().getParent() != null) {
          Files.createDirectories(options.out().get().getParent());
        }
        Files.writeString(options.out().get(), report);
        log("report written to %s", options.out().get().toAbsolutePath());
      }
      return new Run(List.copyOf(results), report, hitRate(server));
    } finally {
      if (channel != null) {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      clientLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      if (server != null) {
        server.close();
      }
      store.close();
      if (privateRedis != null) {
        privateRedis.close();
      }
    }
  }

  static void log(String format, Object... args) {
    System.err.printf("[load-generator] " + format + "%n", args);
  }
}
