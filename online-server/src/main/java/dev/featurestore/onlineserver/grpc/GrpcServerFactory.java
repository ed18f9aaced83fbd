package dev.featurestore.onlineserver.grpc;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Builds the gRPC server: the given services plus {@code grpc.health.v1} and reflection, handlers
 * on a bounded executor (never Netty's event loops, since handlers block on the online store).
 */
public final class GrpcServerFactory {
  private GrpcServerFactory() {}

  public static Server build(String host, int port, ExecutorService executor, HealthStatusManager health,
      List<BindableService> services) {
    return build(host, port, executor, health, services, List.of());
  }

  /** The same, with interceptors applied to every call (authentication: it decides per service). */
  public static Server build(String host, int port, ExecutorService executor, HealthStatusManager health,
      List<BindableService> services, List<ServerInterceptor> interceptors) {
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
        .executor(executor)
        .addService(health.getHealthService())
        .addService(ProtoReflectionServiceV1.newInstance())
        .addService(legacyReflection());
    services.forEach(service -> builder.addService(ParseFailureAsInvalidArgument.wrap(service)));
    interceptors.forEach(builder::intercept);
    return builder.build();
  }

  /** v1alpha reflection, still the first one older grpcurl and Postman builds ask for. */
  @SuppressWarnings("deprecation")
  private static BindableService legacyReflection() {
    return io.grpc.protobuf.services.ProtoReflectionService.newInstance();
  }
}
