package dev.featurestore.adminui;

import static java.util.Objects.requireNonNull;

import dev.featurestore.adminui.overview.AlertThresholds;
import dev.featurestore.adminui.security.ConsoleRole;
import dev.featurestore.adminui.security.ConsoleUser;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of the admin console, read from {@code server: console:} in feature_store.yaml (see
 * admin-ui/README.md for the keys).
 *
 * @param host the address to bind
 * @param port 0 picks a free port
 * @param users who may sign in; empty means a development user is generated at start-up
 * @param registryRefresh how often the console re-reads the registry
 * @param freshnessWarning a view whose newest materialized data is older than this is flagged
 * @param alerts the service levels whose breach raises an alert
 */
public record AdminConsoleConfig(
    String host, int port, List<ConsoleUser> users, Duration registryRefresh, Duration freshnessWarning,
    AlertThresholds alerts) {

  public static final int DEFAULT_PORT = 8080;
  public static final Duration DEFAULT_FRESHNESS_WARNING = Duration.ofHours(2);
  /** Used when the registry's cache_ttl_seconds is 0 (never refresh), which would freeze the console. */
  public static final Duration DEFAULT_REGISTRY_REFRESH = Duration.ofSeconds(60);

  private static final Set<String> KEYS =
      Set.of("host", "port", "users", "registry_refresh_seconds", "freshness_warning_seconds", "alerts");
  private static final Set<String> ALERT_KEYS =
      Set.of("rest_p95_ms", "grpc_p95_ms", "min_hit_rate", "max_error_rate");
  private static final Set<String> USER_KEYS = Set.of("name", "password_hash", "role");

  public AdminConsoleConfig {
    requireNonNull(host, "host is null");
    if (port < 0 || port > 65535) {
      throw invalid("port " + port + " is out of range");
    }
    users = List.copyOf(users);
    requireNonNull(registryRefresh, "registryRefresh is null");
    requireNonNull(freshnessWarning, "freshnessWarning is null");
    requireNonNull(alerts, "alerts is null");
    if (users.stream().map(ConsoleUser::name).distinct().count() != users.size()) {
      throw invalid("users: a name appears twice");
    }
  }

  /** With the default service levels of {@link AlertThresholds#DEFAULTS}. */
  public AdminConsoleConfig(
      String host, int port, List<ConsoleUser> users, Duration registryRefresh, Duration freshnessWarning) {
    this(host, port, users, registryRefresh, freshnessWarning, AlertThresholds.DEFAULTS);
  }

  /** Defaults: all interfaces, port 8080, no users (a development user is generated). */
  public static AdminConsoleConfig defaults() {
    return new AdminConsoleConfig(
        "0.0.0.0", DEFAULT_PORT, List.of(), DEFAULT_REGISTRY_REFRESH, DEFAULT_FRESHNESS_WARNING);
  }

  public AdminConsoleConfig withPort(int newPort) {
    return new AdminConsoleConfig(host, newPort, users, registryRefresh, freshnessWarning, alerts);
  }

  public AdminConsoleConfig withUsers(List<ConsoleUser> newUsers) {
    return new AdminConsoleConfig(host, port, newUsers, registryRefresh, freshnessWarning, alerts);
  }

  /**
   * Reads {@code server.console} of a parsed feature_store.yaml; absent keys take their defaults,
   * and the registry refresh defaults to the registry's {@code cache_ttl_seconds}.
   *
   * @throws FeatureStoreException INVALID_CONFIG on unknown keys or bad values
   */
  public static AdminConsoleConfig fromRepoConfig(RepoConfig config) {
    Duration cacheTtl = config.registry().cacheTtl();
    Duration refresh = cacheTtl.isZero() || cacheTtl.isNegative() ? DEFAULT_REGISTRY_REFRESH : cacheTtl;
    Object section = config.server().get("console");
    if (section == null) {
      return new AdminConsoleConfig("0.0.0.0", DEFAULT_PORT, List.of(), refresh, DEFAULT_FRESHNESS_WARNING);
    }
    if (!(section instanceof Map<?, ?> console)) {
      throw invalid("must be a mapping");
    }
    checkKeys(console, KEYS, "");
    return new AdminConsoleConfig(
        string(console.get("host"), "host", "0.0.0.0"),
        (int) number(console.get("port"), "port", DEFAULT_PORT),
        users(console.get("users")),
        seconds(console.get("registry_refresh_seconds"), "registry_refresh_seconds", refresh),
        seconds(console.get("freshness_warning_seconds"), "freshness_warning_seconds", DEFAULT_FRESHNESS_WARNING),
        alerts(console.get("alerts")));
  }

  private static AlertThresholds alerts(Object value) {
    AlertThresholds d = AlertThresholds.DEFAULTS;
    if (value == null) {
      return d;
    }
    if (!(value instanceof Map<?, ?> alerts)) {
      throw invalid("alerts must be a mapping");
    }
    checkKeys(alerts, ALERT_KEYS, "alerts.");
    return new AlertThresholds(
        millis(alerts.get("rest_p95_ms"), "alerts.rest_p95_ms", d.restP95()),
        millis(alerts.get("grpc_p95_ms"), "alerts.grpc_p95_ms", d.grpcP95()),
        rate(alerts.get("min_hit_rate"), "alerts.min_hit_rate", d.minHitRate()),
        rate(alerts.get("max_error_rate"), "alerts.max_error_rate", d.maxErrorRate()));
  }

  private static Duration millis(Object value, String key, Duration fallback) {
    if (value == null) {
      return fallback;
    }
    long millis = number(value, key, 0);
    if (millis <= 0) {
      throw invalid(key + " must be positive");
    }
    return Duration.ofMillis(millis);
  }

  /** A fraction: 0.85, or a percentage written as 85%. */
  private static double rate(Object value, String key, double fallback) {
    if (value == null) {
      return fallback;
    }
    String text = String.valueOf(value).trim();
    try {
      double rate = text.endsWith("%")
          ? Double.parseDouble(text.substring(0, text.length() - 1).trim()) / 100
          : Double.parseDouble(text);
      if (rate < 0 || rate > 1) {
        throw invalid(key + " must be between 0 and 1 (or 0% and 100%), not '" + value + "'");
      }
      return rate;
    } catch (NumberFormatException e) {
      throw invalid(key + " must be a fraction such as 0.85 or a percentage such as 85%, not '" + value + "'");
    }
  }

  private static List<ConsoleUser> users(Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw invalid("users must be a list");
    }
    List<ConsoleUser> users = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> user)) {
        throw invalid("users: each user is a mapping with name, password_hash and role");
      }
      checkKeys(user, USER_KEYS, "users.");
      String name = string(user.get("name"), "users.name", null);
      String hash = string(user.get("password_hash"), "users.password_hash", null);
      String role = string(user.get("role"), "users.role", "viewer");
      if (name == null || hash == null) {
        throw invalid("users: each user needs name and password_hash");
      }
      users.add(new ConsoleUser(name, hash, ConsoleRole.parse(role)));
    }
    return users;
  }

  private static void checkKeys(Map<?, ?> map, Set<String> allowed, String prefix) {
    for (Object key : map.keySet()) {
      if (!allowed.contains(String.valueOf(key))) {
        throw invalid("unknown key '" + prefix + key + "'; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  private static String string(Object value, String key, String fallback) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Map || value instanceof List) {
      throw invalid(key + " must be a string");
    }
    return String.valueOf(value);
  }

  private static long number(Object value, String key, long fallback) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw invalid(key + " must be a whole number, not '" + value + "'");
    }
  }

  private static Duration seconds(Object value, String key, Duration fallback) {
    if (value == null) {
      return fallback;
    }
    long seconds = number(value, key, 0);
    if (seconds <= 0) {
      throw invalid(key + " must be positive");
    }
    return Duration.ofSeconds(seconds);
  }

  private static FeatureStoreException invalid(String message) {
    return new FeatureStoreException(ErrorCode.INVALID_CONFIG, "server.console: " + message);
  }
}
