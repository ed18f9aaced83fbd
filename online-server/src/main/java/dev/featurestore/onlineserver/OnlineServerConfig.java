package dev.featurestore.onlineserver;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.onlineserver.auth.AuthConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code server:} section of feature_store.yaml, this project's own keys.
 *
 * @param restPort REST port (0: any free port)
 * @param grpcPort gRPC port (0: any free port)
 * @param host the address both servers bind
 * @param maxEntityRows most entity rows one request may ask for
 * @param deadline how long a request waits for the online store before answering UNAVAILABLE
 * @param writeDeadline the same for push and write calls
 * @param storeThreads the bounded pool the blocking online store calls run on
 * @param grpcThreads the bounded pool gRPC handlers run on
 * @param defaultFeatureService what the product API reads when the caller names none
 * @param auth who may call ({@code auth:} block; none by default)
 * @param missPolicy what a miss does besides answering NOT_FOUND ({@code miss_policy:}; nothing by
 *     default)
 */
public record OnlineServerConfig(
    int restPort,
    int grpcPort,
    String host,
    int maxEntityRows,
    Duration deadline,
    Duration writeDeadline,
    int storeThreads,
    int grpcThreads,
    String defaultFeatureService,
    AuthConfig auth,
    MissPolicyConfig missPolicy) {

  /** Keys this record reads; {@code console} is the admin console's sub-section, read by admin-ui. */
  private static final Set<String> KEYS = Set.of("rest_port", "grpc_port", "host", "max_entity_rows", "deadline_ms",
      "write_deadline_ms", "store_threads", "grpc_threads", "default_feature_service", "auth", "console", "miss_policy");

  public static final OnlineServerConfig DEFAULTS = new OnlineServerConfig(
      8000, 50051, "0.0.0.0", 1000, Duration.ofMillis(100), Duration.ofSeconds(5), 64, 64, "credit_decision_v1",
      AuthConfig.NONE, MissPolicyConfig.NONE);

  public OnlineServerConfig {
    port("rest_port", restPort);
    port("grpc_port", grpcPort);
    requireNonNull(host, "host is null");
    positive("max_entity_rows", maxEntityRows);
    requireNonNull(deadline, "deadline is null");
    positive("deadline_ms", deadline.toMillis());
    requireNonNull(writeDeadline, "writeDeadline is null");
    positive("write_deadline_ms", writeDeadline.toMillis());
    positive("store_threads", storeThreads);
    positive("grpc_threads", grpcThreads);
    requireNonNull(defaultFeatureService, "defaultFeatureService is null");
    requireNonNull(auth, "auth is null");
    requireNonNull(missPolicy, "missPolicy is null");
  }

  /** The configuration without a miss policy, as before {@code miss_policy} existed. */
  public OnlineServerConfig(int restPort, int grpcPort, String host, int maxEntityRows, Duration deadline,
      Duration writeDeadline, int storeThreads, int grpcThreads, String defaultFeatureService, AuthConfig auth) {
    this(restPort, grpcPort, host, maxEntityRows, deadline, writeDeadline, storeThreads, grpcThreads,
        defaultFeatureService, auth, MissPolicyConfig.NONE);
  }

  /** Parses the {@code server:} map; unknown keys and bad values are INVALID_CONFIG naming the key. */
  public static OnlineServerConfig from(Map<String, Object> server) {
    Set<String> unknown = new TreeSet<>(server.keySet());
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new FeatureStoreException(ErrorCode.INVALID_CONFIG, "server: unknown key(s) " + unknown
          + "; known: " + new TreeSet<>(KEYS));
    }
    OnlineServerConfig d = DEFAULTS;
    return new OnlineServerConfig(
        integer(server, "rest_port", d.restPort()),
        integer(server, "grpc_port", d.grpcPort()),
        string(server, "host", d.host()),
        integer(server, "max_entity_rows", d.maxEntityRows()),
        Duration.ofMillis(integer(server, "deadline_ms", (int) d.deadline().toMillis())),
        Duration.ofMillis(integer(server, "write_deadline_ms", (int) d.writeDeadline().toMillis())),
        integer(server, "store_threads", d.storeThreads()),
        integer(server, "grpc_threads", d.grpcThreads()),
        string(server, "default_feature_service", d.defaultFeatureService()),
        AuthConfig.from(server.get("auth")),
        MissPolicyConfig.from(server.get("miss_policy")));
  }

  public OnlineServerConfig withPorts(int rest, int grpc) {
    return new OnlineServerConfig(rest, grpc, host, maxEntityRows, deadline, writeDeadline, storeThreads,
        grpcThreads, defaultFeatureService, auth, missPolicy);
  }

  public OnlineServerConfig withAuth(AuthConfig newAuth) {
    return new OnlineServerConfig(restPort, grpcPort, host, maxEntityRows, deadline, writeDeadline, storeThreads,
        grpcThreads, defaultFeatureService, newAuth, missPolicy);
  }

  public OnlineServerConfig withMissPolicy(MissPolicyConfig newPolicy) {
    return new OnlineServerConfig(restPort, grpcPort, host, maxEntityRows, deadline, writeDeadline, storeThreads,
        grpcThreads, defaultFeatureService, auth, newPolicy);
  }

  private static int integer(Map<String, Object> map, String key, int fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Integer || value instanceof Long) {
      long v = ((Number) value).longValue();
      if (v == (int) v) {
        return (int) v;
      }
    }
    if (value instanceof String s && s.matches("-?\\d{1,9}")) {
      return Integer.parseInt(s);
    }
    throw new FeatureStoreException(ErrorCode.INVALID_CONFIG, "server." + key + " must be an integer, got '" + value + "'");
  }

  private static String string(Map<String, Object> map, String key, String fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof String s && !s.isBlank()) {
      return s;
    }
    throw new FeatureStoreException(ErrorCode.INVALID_CONFIG, "server." + key + " must be a non-empty string, got '" + value + "'");
  }

  private static void port(String key, int port) {
    if (port < 0 || port > 65535) {
      throw new FeatureStoreException(ErrorCode.INVALID_CONFIG, "server." + key + " must be 0..65535, got " + port);
    }
  }

  private static void positive(String key, long value) {
    if (value <= 0) {
      throw new FeatureStoreException(ErrorCode.INVALID_CONFIG, "server." + key + " must be positive, got " + value);
    }
  }
}
