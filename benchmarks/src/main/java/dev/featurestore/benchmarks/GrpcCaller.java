package dev.featurestore.benchmarks;

import feast.proto.serving.ServingAPIProto.FieldStatus;
import feast.proto.serving.ServingAPIProto.GetFeastServingInfoRequest;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse;
import feast.proto.serving.ServingServiceGrpc;
import feast.proto.serving.ServingServiceGrpc.ServingServiceBlockingStub;
import io.grpc.ManagedChannel;

/**
 * Blocking unary calls over a shared channel (HTTP/2 multiplexes the callers). {@link #empty} is
 * {@code GetFeastServingInfo}: the same transport, executor hop and metrics, no store call, so its
 * latency is the gRPC floor.
 */
final class GrpcCaller implements Caller {
  private final ServingServiceBlockingStub stub;
  private final RequestSet requests;
  private int checked;

  private GrpcCaller(ManagedChannel channel, RequestSet requests) {
    this.stub = ServingServiceGrpc.newBlockingStub(channel);
    this.requests = requests;
  }

  static GrpcCaller features(ManagedChannel channel, RequestSet requests) {
    return new GrpcCaller(channel, requests);
  }

  static GrpcCaller empty(ManagedChannel channel) {
    return new GrpcCaller(channel, null);
  }

  @Override
  public void call(int i) {
    if (requests == null) {
      stub.getFeastServingInfo(GetFeastServingInfoRequest.getDefaultInstance());
      return;
    }
    GetOnlineFeaturesResponse response = stub.getOnlineFeatures(requests.grpc().get(i % RequestSet.POOL));
    if (checked < RequestSet.POOL) {
      checked++;
      verify(response, requests);
    }
  }

  /**
   * Checks (on a caller's first calls only) that every value was found. Our answers carry the
   * entity column as Feast's Python server's do; Feast's Java server leaves it out, so {@code
   * --external-grpc} answers may have one column fewer.
   */
  static void verify(GetOnlineFeaturesResponse response, RequestSet requests) {
    boolean withoutEntityColumn = response.getResultsCount() == requests.features()
        && response.getMetadata().getFeatureNames().getValList().stream().noneMatch(SyntheticDataset.JOIN_KEY::equals);
    if (response.getResultsCount() != requests.features() + 1 && !withoutEntityColumn) {
      throw new IllegalStateException("expected " + (requests.features() + 1) + " columns, got "
          + response.getResultsCount());
    }
    for (var column : response.getResultsList()) {
      if (column.getStatusesCount() != requests.entities()
          || column.getStatusesList().stream().anyMatch(s -> s != FieldStatus.PRESENT)) {
        throw new IllegalStateException("a value is missing from the gRPC answer: " + column.getStatusesList());
      }
    }
  }

  @Override
  public void close() {
    // The channel is shared and closed by its owner.
  }
}
