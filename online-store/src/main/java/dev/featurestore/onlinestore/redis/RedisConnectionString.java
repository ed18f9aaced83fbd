package dev.featurestore.onlinestore.redis;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Feast's Redis {@code connection_string} ({@code RedisOnlineStore._parse_connection_string} in
 * {@code sdk/python/feast/infra/online_stores/redis.py}): a comma list where tokens without {@code
 * =} are {@code host[:port]} and {@code key=value} tokens are client options whose values are
 * JSON-decoded when they parse as JSON, else kept as text. Environment variables were already
 * expanded when feature_store.yaml was read.
 *
 * <p>Understood options: {@code password}, {@code username}, {@code ssl}, {@code db} (the ones
 * Feast's Go server reads too) and redis-py's {@code socket_timeout} / {@code
 * socket_connect_timeout} (seconds). Python passes any other option to redis-py; those are kept in
 * {@link #ignoredOptions()} so the store can warn about them.
 *
 * @param hosts the host:port tokens in order; at least one
 * @param timeoutMillis socket timeout from {@code socket_timeout}, if given
 * @param connectTimeoutMillis from {@code socket_connect_timeout}, if given
 */
public record RedisConnectionString(
    List<HostPort> hosts,
    Optional<String> username,
    Optional<String> password,
    boolean ssl,
    int database,
    OptionalInt timeoutMillis,
    OptionalInt connectTimeoutMillis,
    List<String> ignoredOptions) {

  private static final int DEFAULT_PORT = 6379;
  private static final String KEY = "online_store.connection_string";

  public RedisConnectionString {
    hosts = List.copyOf(hosts);
    if (hosts.isEmpty()) {
      throw invalid("names no host");
    }
    requireNonNull(username, "username is null");
    requireNonNull(password, "password is null");
    requireNonNull(timeoutMillis, "timeoutMillis is null");
    requireNonNull(connectTimeoutMillis, "connectTimeoutMillis is null");
    ignoredOptions = List.copyOf(ignoredOptions);
  }

  /** One {@code host:port} token; the port defaults to 6379 as in redis-py. */
  public record HostPort(String host, int port) {
    public HostPort {
      requireNonNull(host, "host is null");
    }

    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  /** Parses the string; a malformed port or option value is {@code INVALID_CONFIG}. */
  public static RedisConnectionString parse(String connectionString) {
    List<HostPort> hosts = new ArrayList<>();
    Map<String, Object> options = new LinkedHashMap<>();
    for (String token : connectionString.split(",", -1)) {
      int equals = token.indexOf('=');
      if (equals >= 0) {
        options.put(
            token.substring(0, equals).trim(), JsonScalar.decode(token.substring(equals + 1)));
      } else if (!token.isBlank()) {
        hosts.add(hostPort(token.trim()));
      }
    }
    List<String> ignored = new ArrayList<>();
    for (String name : options.keySet()) {
      if (!List.of("password", "username", "ssl", "db", "socket_timeout", "socket_connect_timeout")
          .contains(name)) {
        ignored.add(name);
      }
    }
    return new RedisConnectionString(
        hosts,
        text(options.get("username")),
        text(options.get("password")),
        bool("ssl", options.get("ssl")),
        integer("db", options.get("db")),
        seconds("socket_timeout", options.get("socket_timeout")),
        seconds("socket_connect_timeout", options.get("socket_connect_timeout")),
        ignored);
  }

  /** The string with the password masked, for logs and messages. */
  @Override
  public String toString() {
    return "RedisConnectionString[hosts="
        + hosts
        + ", username="
        + username.orElse("")
        + ", password="
        + (password.isPresent() ? "****" : "")
        + ", ssl="
        + ssl
        + ", db="
        + database
        + "]";
  }

  private static HostPort hostPort(String token) {
    // Feast splits on ':' and keeps the first two parts; IPv6 literals are not supported there.
    String[] parts = token.split(":");
    if (parts.length < 2 || parts[1].isEmpty()) {
      return new HostPort(parts[0], DEFAULT_PORT);
    }
    try {
      int port = Integer.parseInt(parts[1].trim());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return new HostPort(parts[0], port);
    } catch (NumberFormatException e) {
      throw invalid("has a bad port in '" + token + "'");
    }
  }

  private static Optional<String> text(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return Optional.of(String.valueOf(d.longValue()));
    }
    return Optional.of(String.valueOf(value));
  }

  private static boolean bool(String name, Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    // redis-py would take any non-empty text as true; "True"/"False" as Python spells them are
    // read as the booleans users mean.
    return switch (String.valueOf(value).trim().toLowerCase()) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no", "" -> false;
      default -> throw invalid("option " + name + " must be true or false, got '" + value + "'");
    };
  }

  private static int integer(String name, Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof Double d && d == Math.rint(d) && d >= 0 && d <= Integer.MAX_VALUE) {
      return d.intValue();
    }
    throw invalid("option " + name + " must be a non-negative integer, got '" + value + "'");
  }

  private static OptionalInt seconds(String name, Object value) {
    if (value == null) {
      return OptionalInt.empty();
    }
    if (value instanceof Double d && d > 0 && d < Integer.MAX_VALUE / 1000.0) {
      return OptionalInt.of((int) Math.max(1, Math.round(d * 1000)));
    }
    throw invalid("option " + name + " must be a positive number of seconds, got '" + value + "'");
  }

  private static FeatureStoreException invalid(String problem) {
    return new FeatureStoreException(
        ErrorCode.INVALID_CONFIG, "feature_store.yaml: " + KEY + " " + problem);
  }
}
