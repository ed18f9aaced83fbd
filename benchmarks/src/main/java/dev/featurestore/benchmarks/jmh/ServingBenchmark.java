package dev.featurestore.benchmarks.jmh;

import dev.featurestore.benchmarks.RequestSet;
import dev.featurestore.benchmarks.SyntheticDataset;
import dev.featurestore.onlineserver.metrics.ServingMetrics;
import dev.featurestore.onlineserver.rest.FeatureServerJson;
import dev.featurestore.onlineserver.serving.OnlineFeatureService;
import dev.featurestore.onlineserver.serving.OnlineStoreGateway;
import dev.featurestore.onlineserver.serving.RegistrySnapshotSource;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesRequest;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The server's request path without the network and without Redis (an in-memory store): resolving,
 * validating and keying the request, the online-store pool hop, assembling the response; then
 * writing a 50x20 response as Feast JSON or as protobuf, and reading a 50-entity JSON request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ServingBenchmark {
  private OnlineStoreGateway gateway;
  private OnlineFeatureService service;
  private GetOnlineFeaturesRequest request1x10;
  private GetOnlineFeaturesRequest request50x20;
  private GetOnlineFeaturesResponse response50x20;
  private byte[] jsonRequest50x20;

  @Setup
  public void setUp() {
    SyntheticDataset dataset = new SyntheticDataset(1000);
    InMemoryOnlineStore store = new InMemoryOnlineStore();
    dataset.write(store);
    ServingMetrics metrics = new ServingMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    gateway = new OnlineStoreGateway(store, Duration.ofSeconds(2), Duration.ofSeconds(5), 4, metrics);
    service = new OnlineFeatureService(RegistrySnapshotSource.fixed(dataset.contents()), gateway,
        Clock.systemUTC(), 1000, metrics);
    request1x10 = RequestSet.build(dataset, 1, 10).grpc().get(0);
    RequestSet fifty = RequestSet.build(dataset, 50, 20);
    request50x20 = fifty.grpc().get(0);
    jsonRequest50x20 = fifty.restBodies().get(0);
    response50x20 = service.getOnlineFeatures(request50x20);
  }

  @TearDown
  public void tearDown() {
    gateway.close();
  }

  /** The online-store pool hop alone (an empty read): what every request pays to get off its thread. */
  @Benchmark
  public Object storePoolHop() {
    return gateway.read(SyntheticDataset.PROJECT, List.of());
  }

  @Benchmark
  public GetOnlineFeaturesResponse getOnlineFeatures1x10() {
    return service.getOnlineFeatures(request1x10);
  }

  @Benchmark
  public GetOnlineFeaturesResponse getOnlineFeatures50x20() {
    return service.getOnlineFeatures(request50x20);
  }

  @Benchmark
  public byte[] writeJson50x20() {
    return FeatureServerJson.writeOnlineResponse(response50x20);
  }

  @Benchmark
  public byte[] writeProto50x20() {
    return response50x20.toByteArray();
  }

  @Benchmark
  public GetOnlineFeaturesRequest readJsonRequest50x20() {
    return FeatureServerJson.readOnlineRequest(FeatureServerJson.parse(jsonRequest50x20));
  }
}
