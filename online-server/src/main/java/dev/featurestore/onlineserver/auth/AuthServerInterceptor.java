package dev.featurestore.onlineserver.auth;

import static java.util.Objects.requireNonNull;

import dev.featurestore.onlineserver.metrics.ServingMetrics;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Refuses gRPC calls without acceptable credentials in the {@code authorization} ({@code Bearer
 * <token>}) or {@code x-api-key} metadata, except to the open services (health by default). A
 * refused call is closed with UNAUTHENTICATED before its handler runs, and counted like any other
 * request.
 */
public final class AuthServerInterceptor implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> API_KEY = Metadata.Key.of("x-api-key", Metadata.ASCII_STRING_MARSHALLER);

  private final AuthGate gate;
  private final ServingMetrics metrics;

  public AuthServerInterceptor(AuthGate gate, ServingMetrics metrics) {
    this.gate = requireNonNull(gate, "gate is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    long start = System.nanoTime();
    if (gate.grpcServiceIsOpen(call.getMethodDescriptor().getServiceName())) {
      return next.startCall(call, headers);
    }
    if (gate.admitsGrpc(new Credentials(headers.get(AUTHORIZATION), headers.get(API_KEY)))) {
      return next.startCall(call, headers);
    }
    String method = call.getMethodDescriptor().getBareMethodName();
    metrics.recordRequest("grpc", method == null ? "unknown" : method, Status.Code.UNAUTHENTICATED.name(),
        "UNAUTHENTICATED", System.nanoTime() - start);
    call.close(Status.UNAUTHENTICATED.withDescription(AuthGate.REFUSAL), new Metadata());
    return new ServerCall.Listener<>() {};
  }
}
