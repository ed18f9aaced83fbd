package dev.featurestore.onlineserver.grpc;

import static java.util.Objects.requireNonNull;

import dev.featurestore.api.v1.GetUserFeaturesRequest;
import dev.featurestore.api.v1.GetUserFeaturesResponse;
import dev.featurestore.api.v1.UserFeaturesServiceGrpc;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.onlineserver.serving.ProductFeatureService;
import io.grpc.stub.StreamObserver;

/** The product API's {@code featurestore.api.v1.UserFeaturesService}. */
public final class UserFeaturesEndpoint extends UserFeaturesServiceGrpc.UserFeaturesServiceImplBase {
  private final ProductFeatureService service;
  private final GrpcCalls calls;

  public UserFeaturesEndpoint(ProductFeatureService service, GrpcCalls calls) {
    this.service = requireNonNull(service, "service is null");
    this.calls = requireNonNull(calls, "calls is null");
  }

  @Override
  public void getUserFeatures(GetUserFeaturesRequest request, StreamObserver<GetUserFeaturesResponse> observer) {
    calls.unary("GetUserFeatures", observer, () -> {
      if (request.getUserId().isEmpty()) {
        throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, "user_id is empty");
      }
      return service.getUserFeatures(request.getUserId(), request.getFeatureService());
    });
  }
}
