package dev.featurestore.benchmarks;

import dev.featurestore.onlineserver.OnlineServer;
import dev.featurestore.onlineserver.metrics.ServingMetrics;
import dev.featurestore.onlineserver.OnlineServerConfig;
import dev.featurestore.onlineserver.serving.RegistrySnapshotSource;
import dev.featurestore.onlinestore.redis.RedisConnectionString;
import dev.featurestore.onlinestore.redis.RedisOnlineStore;
import dev.featurestore.onlinestore.redis.RedisOnlineStoreConfig;
import dev.featurestore.registry.apply.RegistryPlanner;
import dev.featurestore.registry.apply.RepoApplier;
import dev.featurestore.registry.file.FileRegistryStore;
import dev.featurestore.testing.TestingRedisServer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.file.Files;
import java.time.Clock;
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
 * call by role) and writes it to {@code --out}. With {@code --external-grpc} it instead compares
 * our server with another one (Feast's Java feature server) reading the same Redis, each in its own
 * slices; {@code --write-registry} prepares that server's inputs. See docs/BENCHMARKS.md.
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
    ManagedChannel external = null;
    try (RedisCpu redisCpu = new RedisCpu(redis); ClosedLoopRunner runner = new ClosedLoopRunner()) {
      long writeStart = System.nanoTime();
      dataset.write(store);
      log("wrote %d entities x %s features to Redis %s in %d ms", dataset.entities(), SyntheticDataset.FEATURE_COUNTS,
          redisAddress, (System.nanoTime() - writeStart) / 1_000_000);
      if (options.writeRegistry().isPresent()) {
        return writeRegistry(dataset, options.writeRegistry().get(), redisAddress);
      }
      // Defaults but for the ports and a deadline a noisy shared machine will not hit mid-run.
      OnlineServerConfig config = OnlineServerConfig.from(Map.of("rest_port", 0, "grpc_port", 0,
          "host", "127.0.0.1", "deadline_ms", 1000));
      server = OnlineServer.start(config, RegistrySnapshotSource.fixed(dataset.contents()), store);
      log("server up: REST :%d, gRPC :%d", server.restPort(), server.grpcPort());
      // Its own event loop, so the client's Netty CPU is not mixed up with the server's.
      HostAndPort ours = HostAndPort.from(options.oursGrpc().orElse("127.0.0.1:" + server.grpcPort()));
      channel = NettyChannelBuilder.forAddress(ours.getHost(), ours.getPort()).usePlaintext()
          .eventLoopGroup(clientLoop).channelType(NioSocketChannel.class).build();
      if (options.externalGrpc().isPresent()) {
        // The same client event loop as ours: one server is called at a time, so they do not compete for it.
        HostAndPort target = HostAndPort.from(options.externalGrpc().get());
        external = NettyChannelBuilder.forAddress(target.getHost(), target.getPort()).usePlaintext()
            .eventLoopGroup(clientLoop).channelType(NioSocketChannel.class).build();
      }
      Endpoints endpoints = new Endpoints(redis, channel, "127.0.0.1", server.restPort(), external);
      ScenarioRunner scenarios = new ScenarioRunner(runner, new CpuMeter(redisCpu::cpuMicros), options);
      LoopOverhead overhead = LoopOverhead.measure(runner);
      List<ScenarioResult> results = new ArrayList<>();
      List<Mode> latencyModes = List.of(Mode.RAW_REDIS, Mode.GRPC_EMPTY, Mode.GRPC, Mode.REST);
      RequestSet one = RequestSet.build(dataset, 1, 10);
      RequestSet fifty = RequestSet.build(dataset, 50, 20);
      RequestSet hundred = RequestSet.build(dataset, 100, 50);
      if (external != null) {
        results.addAll(compare(scenarios, endpoints, one, hundred));
        String report = MarkdownReport.render(options, machineBefore, MachineInfo.capture(), overhead, results, "");
        write(options, report);
        return new Run(List.copyOf(results), report, hitRate(server));
      }
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
      write(options, report);
      return new Run(List.copyOf(results), report, hitRate(server));
    } finally {
      if (channel != null) {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
      if (external != null) {
        external.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
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

  /**
   * Ours against the external server: same requests, same callers, one server at a time (slices
   * alternate, never overlap, so on a small machine neither server's load lands on the other's
   * latencies, which therefore come from the slices).
   */
  private static List<ScenarioResult> compare(ScenarioRunner scenarios, Endpoints endpoints, RequestSet one,
      RequestSet hundred) throws Exception {
    List<Mode> modes = List.of(Mode.GRPC, Mode.EXTERNAL_GRPC);
    for (RequestSet requests : List.of(one, hundred)) {
      sameValues(endpoints, requests);
    }
    scenarios.warmUp(List.of(one, hundred), endpoints);
    List<ScenarioResult> results = new ArrayList<>();
    for (RequestSet requests : List.of(one, hundred)) {
      for (int callers : List.of(1, 4)) {
        String name = requests.label() + ", " + callers + (callers == 1 ? " caller" : " callers");
        results.add(scenarios.run(name, requests, callers, modes, false, endpoints));
      }
    }
    return results;
  }

  /**
   * Fails unless both servers answer every request of the set with the same feature values and
   * statuses: a faster server returning something else would prove nothing.
   */
  private static void sameValues(Endpoints endpoints, RequestSet requests) {
    var ours = feast.proto.serving.ServingServiceGrpc.newBlockingStub(endpoints.channel());
    var theirs = feast.proto.serving.ServingServiceGrpc.newBlockingStub(endpoints.external());
    for (int r = 0; r < RequestSet.POOL; r++) {
      var request = requests.grpc().get(r);
      Map<String, Object> a = columns(ours.getOnlineFeatures(request));
      Map<String, Object> b = columns(theirs.getOnlineFeatures(request));
      if (!a.equals(b)) {
        throw new IllegalStateException("request " + r + " of " + requests.label()
            + ": the servers' answers differ; ours " + a + "\nexternal " + b);
      }
    }
    log("%s: both servers return the same values and statuses for all %d requests", requests.label(), RequestSet.POOL);
  }

  private static Map<String, Object> columns(feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse response) {
    Map<String, Object> columns = new java.util.TreeMap<>();
    for (int i = 0; i < response.getResultsCount(); i++) {
      var column = response.getResults(i);
      String name = response.getMetadata().getFeatureNames().getVal(i);
      // Feast's Java server always answers with "view:feature" names and without the entity column.
      if (!name.equals(SyntheticDataset.JOIN_KEY)) {
        columns.put(name.substring(name.indexOf(':') + 1), List.of(column.getValuesList(), column.getStatusesList()));
      }
    }
    return columns;
  }

  /** Writes the dataset's definitions as a Feast file registry, for another server to read. */
  private static Run writeRegistry(SyntheticDataset dataset, java.nio.file.Path path, String redis) throws Exception {
    if (path.toAbsolutePath().getParent() != null) {
      Files.createDirectories(path.toAbsolutePath().getParent());
    }
    try (FileRegistryStore registry = new FileRegistryStore(path, false)) {
      new RepoApplier(registry, new RegistryPlanner(), Clock.systemUTC()).apply(dataset.contents());
    }
    String message = String.format("wrote the Feast file registry of project '%s' to %s; the data is in Redis %s%n",
        SyntheticDataset.PROJECT, path.toAbsolutePath(), redis);
    return new Run(List.of(), message, 0);
  }

  private static void write(LoadOptions options, String report) throws java.io.IOException {
    if (options.out().isPresent()) {
      if (options.out().get().getParent() != null) {
        Files.createDirectories(options.out().get().getParent());
      }
      Files.writeString(options.out().get(), report);
      log("report written to %s", options.out().get().toAbsolutePath());
    }
  }

  static void log(String format, Object... args) {
    System.err.printf("[load-generator] " + format + "%n", args);
  }
}
