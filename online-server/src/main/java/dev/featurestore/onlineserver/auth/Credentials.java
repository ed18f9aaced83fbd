package dev.featurestore.onlineserver.auth;

import java.util.Optional;

/**
 * What a caller presented: the {@code Authorization} header (HTTP) or {@code authorization}
 * metadata (gRPC), and the {@code X-API-Key} header or {@code x-api-key} metadata. Either may be
 * null.
 */
public record Credentials(String authorization, String apiKey) {
  private static final String BEARER = "bearer ";

  /** The token of an {@code Authorization: Bearer <token>} value (scheme matched ignoring case). */
  public Optional<String> bearerToken() {
    if (authorization == null || authorization.length() <= BEARER.length()
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String token = authorization.substring(BEARER.length()).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
