package dev.featurestore.onlineserver.auth;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What both transports share: the configured {@link Authenticator}, the open paths and services,
 * the one refusal message, and the {@code featurestore_auth_failures_total{protocol}} counter.
 */
public final class AuthGate {
  /** The only thing a refused caller is told, whatever failed. */
  public static final String REFUSAL = "missing or invalid credentials";
  public static final String FAILURES = "featurestore.auth.failures";

  private final AuthConfig config;
  private final Authenticator authenticator;
  private final Counter restFailures;
  private final Counter grpcFailures;

  public AuthGate(AuthConfig config, Authenticator authenticator, MeterRegistry meters) {
    this.config = requireNonNull(config, "config is null");
    this.authenticator = requireNonNull(authenticator, "authenticator is null");
    this.restFailures = counter(meters, "rest");
    this.grpcFailures = counter(meters, "grpc");
  }

  /** The gate the configuration asks for; loads keys now, so bad key files fail start-up. */
  public static AuthGate create(AuthConfig config, MeterRegistry meters) {
    return new AuthGate(config, Authenticator.from(config), meters);
  }

  public boolean enabled() {
    return config.type() != AuthType.NONE;
  }

  boolean restPathIsOpen(String path) {
    return !enabled() || config.isOpenPath(path);
  }

  boolean grpcServiceIsOpen(String service) {
    return !enabled() || config.openGrpcServices().contains(service);
  }

  /** Checks a REST caller; counts a refusal. */
  boolean admitsRest(Credentials credentials) {
    return admits(credentials, restFailures);
  }

  /** Checks a gRPC caller; counts a refusal. */
  boolean admitsGrpc(Credentials credentials) {
    return admits(credentials, grpcFailures);
  }

  static FeatureStoreException refusal() {
    return new FeatureStoreException(ErrorCode.UNAUTHENTICATED, REFUSAL);
  }

  private boolean admits(Credentials credentials, Counter failures) {
    boolean admitted;
    try {
      admitted = authenticator.accepts(credentials);
    } catch (RuntimeException e) {
      admitted = false;
    }
    if (!admitted) {
      failures.increment();
    }
    return admitted;
  }

  private static Counter counter(MeterRegistry meters, String protocol) {
    return Counter.builder(FAILURES)
        .description("Requests refused for missing or invalid credentials")
        .tag("protocol", protocol)
        .register(meters);
  }
}
