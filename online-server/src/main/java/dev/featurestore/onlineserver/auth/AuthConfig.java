package dev.featurestore.onlineserver.auth;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code server.auth} block of feature_store.yaml, e.g. {@code auth: {type: jwt, hs256_secret:
 * ${JWT_SECRET}}}. Secrets come from the yaml, where {@code ${VAR}} is expanded from the
 * environment; {@link #toString} never prints them.
 *
 * @param type {@code none} (default), {@code api_key} or {@code jwt}
 * @param apiKeys the accepted keys ({@code api_keys}); api_key mode only
 * @param hs256Secret the shared HMAC secret ({@code hs256_secret}, at least 32 bytes, RFC 7518
 *     §3.2); enables HS256 tokens
 * @param rs256PublicKey an RSA public key in PEM, inline ({@code rs256_public_key}); enables RS256
 * @param rs256PublicKeyFile the same in a file ({@code rs256_public_key_file})
 * @param jwksFile a JSON Web Key Set file ({@code jwks_file}); its RSA keys enable RS256, chosen
 *     by the token's {@code kid}
 * @param issuer if set, the token's {@code iss} must equal it ({@code issuer})
 * @param audience if set, the token's {@code aud} must be or contain it ({@code audience})
 * @param leeway clock skew allowed on {@code exp} and {@code nbf} ({@code leeway_seconds}, 30)
 * @param openPaths REST paths served without credentials ({@code open_paths}, default /health and
 *     /metrics, so probes and scrapers need no token)
 * @param openGrpcServices gRPC services served without credentials ({@code open_grpc_services},
 *     default {@code grpc.health.v1.Health})
 */
public record AuthConfig(
    AuthType type,
    List<String> apiKeys,
    Optional<String> hs256Secret,
    Optional<String> rs256PublicKey,
    Optional<Path> rs256PublicKeyFile,
    Optional<Path> jwksFile,
    Optional<String> issuer,
    Optional<String> audience,
    Duration leeway,
    List<String> openPaths,
    List<String> openGrpcServices) {

  private static final Set<String> KEYS = Set.of("type", "api_keys", "hs256_secret", "rs256_public_key",
      "rs256_public_key_file", "jwks_file", "issuer", "audience", "leeway_seconds", "open_paths",
      "open_grpc_services");
  private static final List<String> DEFAULT_OPEN_PATHS = List.of("/health", "/metrics");
  private static final List<String> DEFAULT_OPEN_GRPC = List.of("grpc.health.v1.Health");
  private static final int MIN_HS256_SECRET_BYTES = 32;

  /** No authentication. */
  public static final AuthConfig NONE = new AuthConfig(AuthType.NONE, List.of(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofSeconds(30),
      DEFAULT_OPEN_PATHS, DEFAULT_OPEN_GRPC);

  public AuthConfig {
    requireNonNull(type, "type is null");
    apiKeys = List.copyOf(apiKeys);
    requireNonNull(hs256Secret, "hs256Secret is null");
    requireNonNull(rs256PublicKey, "rs256PublicKey is null");
    requireNonNull(rs256PublicKeyFile, "rs256PublicKeyFile is null");
    requireNonNull(jwksFile, "jwksFile is null");
    requireNonNull(issuer, "issuer is null");
    requireNonNull(audience, "audience is null");
    requireNonNull(leeway, "leeway is null");
    openPaths = List.copyOf(openPaths);
    openGrpcServices = List.copyOf(openGrpcServices);
    validate(type, apiKeys, hs256Secret, rs256PublicKey, rs256PublicKeyFile, jwksFile, leeway);
  }

  /** Parses {@code server.auth}: a mapping, or null for none. Unknown keys are INVALID_CONFIG. */
  public static AuthConfig from(Object auth) {
    if (auth == null) {
      return NONE;
    }
    if (!(auth instanceof Map<?, ?> map)) {
      throw invalid("server.auth must be a mapping such as {type: api_key, api_keys: [...]}, got '" + auth + "'");
    }
    Set<String> unknown = new TreeSet<>();
    map.keySet().forEach(k -> unknown.add(String.valueOf(k)));
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw invalid("server.auth: unknown key(s) " + unknown + "; known: " + new TreeSet<>(KEYS));
    }
    return new AuthConfig(type(map.get("type")), strings(map, "api_keys", List.of()),
        string(map, "hs256_secret"), string(map, "rs256_public_key"), string(map, "rs256_public_key_file").map(Path::of),
        string(map, "jwks_file").map(Path::of), string(map, "issuer"), string(map, "audience"),
        Duration.ofSeconds(seconds(map.get("leeway_seconds"))), strings(map, "open_paths", DEFAULT_OPEN_PATHS),
        strings(map, "open_grpc_services", DEFAULT_OPEN_GRPC));
  }

  /** The REST path needs no credentials. */
  public boolean isOpenPath(String path) {
    return openPaths.contains(path);
  }

  private static void validate(AuthType type, List<String> apiKeys, Optional<String> hs256Secret,
      Optional<String> rs256PublicKey, Optional<Path> rs256PublicKeyFile, Optional<Path> jwksFile, Duration leeway) {
    if (leeway.isNegative()) {
      throw invalid("server.auth.leeway_seconds must not be negative");
    }
    boolean anyJwtKey = hs256Secret.isPresent() || rs256PublicKey.isPresent() || rs256PublicKeyFile.isPresent()
        || jwksFile.isPresent();
    switch (type) {
      case NONE -> {
        if (!apiKeys.isEmpty() || anyJwtKey) {
          throw invalid("server.auth has keys or secrets but type is none; set type: api_key or type: jwt");
        }
      }
      case API_KEY -> {
        if (apiKeys.isEmpty() || apiKeys.stream().anyMatch(String::isBlank)) {
          throw invalid("server.auth.api_keys must list at least one non-empty key for type api_key");
        }
        if (anyJwtKey) {
          throw invalid("server.auth: JWT keys are set but type is api_key");
        }
      }
      case JWT -> {
        if (!anyJwtKey) {
          throw invalid("server.auth type jwt needs hs256_secret, rs256_public_key, rs256_public_key_file or jwks_file");
        }
        if (!apiKeys.isEmpty()) {
          throw invalid("server.auth.api_keys is set but type is jwt");
        }
        if (hs256Secret.isPresent() && hs256Secret.get().getBytes(StandardCharsets.UTF_8).length < MIN_HS256_SECRET_BYTES) {
          throw invalid("server.auth.hs256_secret must be at least " + MIN_HS256_SECRET_BYTES + " bytes");
        }
      }
    }
  }

  private static AuthType type(Object value) {
    if (value == null) {
      return AuthType.NONE;
    }
    for (AuthType type : AuthType.values()) {
      if (type.configName().equals(value)) {
        return type;
      }
    }
    throw invalid("server.auth.type must be one of " + Arrays.stream(AuthType.values()).map(AuthType::configName).toList()
        + ", got '" + value + "'");
  }

  private static Optional<String> string(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String s && !s.isBlank()) {
      return Optional.of(s);
    }
    // The value may be a secret: never echo it.
    throw invalid("server.auth." + key + " must be a non-empty string");
  }

  private static List<String> strings(Map<?, ?> map, String key, List<String> fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
      List<String> result = new ArrayList<>();
      list.forEach(item -> result.add((String) item));
      return result;
    }
    throw invalid("server.auth." + key + " must be a list of strings");
  }

  private static long seconds(Object value) {
    if (value == null) {
      return NONE.leeway().toSeconds();
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof String s && s.matches("\\d{1,6}")) {
      return Long.parseLong(s);
    }
    throw invalid("server.auth.leeway_seconds must be a whole number of seconds, got '" + value + "'");
  }

  private static FeatureStoreException invalid(String message) {
    return new FeatureStoreException(ErrorCode.INVALID_CONFIG, message);
  }

  @Override
  public String toString() {
    return "AuthConfig[type=" + type.configName() + ", apiKeys=" + apiKeys.size() + " key(s), hs256Secret="
        + (hs256Secret.isPresent() ? "<set>" : "<unset>") + ", rs256PublicKey="
        + (rs256PublicKey.isPresent() ? "<set>" : "<unset>") + ", rs256PublicKeyFile=" + rs256PublicKeyFile.orElse(null)
        + ", jwksFile=" + jwksFile.orElse(null) + ", issuer=" + issuer.orElse(null) + ", audience="
        + audience.orElse(null) + ", leeway=" + leeway + ", openPaths=" + openPaths + ", openGrpcServices="
        + openGrpcServices + "]";
  }
}
