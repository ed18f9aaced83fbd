package dev.featurestore.onlineserver.grpc;

import static java.util.Objects.requireNonNull;

import dev.featurestore.onlineserver.serving.OnlineFeatureService;
import feast.proto.serving.ServingAPIProto.GetFeastServingInfoRequest;
import feast.proto.serving.ServingAPIProto.GetFeastServingInfoResponse;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesRequest;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse;
import feast.proto.serving.ServingServiceGrpc;
import io.grpc.stub.StreamObserver;

/** Feast's {@code feast.serving.ServingService} over {@link OnlineFeatureService}. */
public final class ServingServiceEndpoint extends ServingServiceGrpc.ServingServiceImplBase {
  private final OnlineFeatureService service;
  private final GrpcCalls calls;
  private final String version;

  public ServingServiceEndpoint(OnlineFeatureService service, GrpcCalls calls, String version) {
    this.service = requireNonNull(service, "service is null");
    this.calls = requireNonNull(calls, "calls is null");
    this.version = requireNonNull(version, "version is null");
  }

  @Override
  public void getFeastServingInfo(GetFeastServingInfoRequest request,
      StreamObserver<GetFeastServingInfoResponse> observer) {
    calls.unary("GetFeastServingInfo", observer,
        () -> GetFeastServingInfoResponse.newBuilder().setVersion(version).build());
  }

  @Override
  public void getOnlineFeatures(GetOnlineFeaturesRequest request, StreamObserver<GetOnlineFeaturesResponse> observer) {
    calls.unary("GetOnlineFeatures", observer, () -> service.getOnlineFeatures(request));
  }
}
