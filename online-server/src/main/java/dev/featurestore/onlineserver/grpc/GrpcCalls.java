package dev.featurestore.onlineserver.grpc;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.onlineserver.metrics.ServingMetrics;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a unary call: answers it, times it and maps failures to a gRPC {@link Status} in this one
 * place. {@link FeatureStoreException} categories map to INVALID_ARGUMENT, NOT_FOUND, ABORTED,
 * UNAUTHENTICATED, UNAVAILABLE or INTERNAL with the exception's message (written for users); any
 * other exception is INTERNAL with a generic message and is logged, never sent.
 */
public final class GrpcCalls {
  private static final Logger log = LoggerFactory.getLogger(GrpcCalls.class);

  private final ServingMetrics metrics;

  public GrpcCalls(ServingMetrics metrics) {
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  public <T> void unary(String method, StreamObserver<T> observer, Supplier<T> call) {
    long start = System.nanoTime();
    T response;
    try {
      response = call.get();
    } catch (RuntimeException e) {
      Status status = toStatus(e);
      String code = e instanceof FeatureStoreException fse ? fse.code().name() : "INTERNAL";
      metrics.recordRequest("grpc", method, status.getCode().name(), code, System.nanoTime() - start);
      observer.onError(status.asRuntimeException());
      return;
    }
    metrics.recordRequest("grpc", method, Status.Code.OK.name(), null, System.nanoTime() - start);
    observer.onNext(response);
    observer.onCompleted();
  }

  /** The status a failure is reported with. */
  public static Status toStatus(Throwable error) {
    if (error instanceof FeatureStoreException e) {
      Status status = switch (e.code().category()) {
        case USER_ERROR -> Status.INVALID_ARGUMENT;
        case NOT_FOUND -> Status.NOT_FOUND;
        case CONFLICT -> Status.ABORTED;
        case UNAUTHENTICATED -> Status.UNAUTHENTICATED;
        case UNAVAILABLE -> Status.UNAVAILABLE;
        case INTERNAL -> Status.INTERNAL;
      };
      if (status == Status.INTERNAL) {
        log.error("internal error serving a gRPC call", e);
      }
      return status.withDescription(e.getMessage());
    }
    log.error("unexpected error serving a gRPC call", error);
    return Status.INTERNAL.withDescription("internal error");
  }
}
