package dev.featurestore.onlineserver.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Accepts a key from a configured list, sent as {@code Authorization: Bearer <key>} or {@code
 * X-API-Key: <key>}. Keys are compared as SHA-256 digests with {@link MessageDigest#isEqual}, and
 * against every configured key, so neither the time taken nor an early exit tells a caller how
 * much of a guess was right or how long the keys are.
 */
final class ApiKeyAuthenticator implements Authenticator {
  private final List<byte[]> digests;

  ApiKeyAuthenticator(List<String> keys) {
    this.digests = keys.stream().map(ApiKeyAuthenticator::sha256).toList();
  }

  @Override
  public boolean accepts(Credentials credentials) {
    boolean accepted = false;
    if (credentials.apiKey() != null && !credentials.apiKey().isEmpty()) {
      accepted |= matches(credentials.apiKey());
    }
    var bearer = credentials.bearerToken();
    if (bearer.isPresent()) {
      accepted |= matches(bearer.get());
    }
    return accepted;
  }

  private boolean matches(String candidate) {
    byte[] digest = sha256(candidate);
    boolean found = false;
    for (byte[] known : digests) {
      found |= MessageDigest.isEqual(known, digest);
    }
    return found;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
