package dev.featurestore.onlineserver.auth;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies compact JWS tokens (RFC 7515/7519) sent as {@code Authorization: Bearer <jwt>}, with the
 * JDK only: HS256 (HMAC-SHA256 with the configured secret) and RS256 (RSASSA-PKCS1-v1_5 SHA-256
 * with a configured public key). The algorithm must be one a key is configured for, so {@code
 * alg: none} and the RS256-to-HS256 confusion attack are refused. Claims: {@code exp} is required
 * and {@code nbf} checked when present, both with the configured leeway; {@code iss} and {@code
 * aud} when configured. Why a token was refused is logged at debug level only.
 */
final class JwtAuthenticator implements Authenticator {
  private static final Logger log = LoggerFactory.getLogger(JwtAuthenticator.class);
  // Duplicate keys in a header or claims set are refused: parsers that keep the first vs the last
  // would otherwise disagree about what was signed.
  private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final int MAX_TOKEN_LENGTH = 16 * 1024;

  private final JwtKeys keys;
  private final Optional<String> issuer;
  private final Optional<String> audience;
  private final Duration leeway;
  private final Clock clock;

  JwtAuthenticator(JwtKeys keys, Optional<String> issuer, Optional<String> audience, Duration leeway, Clock clock) {
    this.keys = requireNonNull(keys, "keys is null");
    this.issuer = requireNonNull(issuer, "issuer is null");
    this.audience = requireNonNull(audience, "audience is null");
    this.leeway = requireNonNull(leeway, "leeway is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public boolean accepts(Credentials credentials) {
    Optional<String> token = credentials.bearerToken();
    if (token.isEmpty()) {
      return refuse("no bearer token");
    }
    try {
      return verify(token.get());
    } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
      return refuse("malformed token: " + e.getClass().getSimpleName());
    }
  }

  private boolean verify(String token) throws IOException, GeneralSecurityException {
    if (token.length() > MAX_TOKEN_LENGTH) {
      return refuse("token too long");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      return refuse("not a compact JWS");
    }
    Base64.Decoder decoder = Base64.getUrlDecoder();
    JsonNode header = JSON.readTree(decoder.decode(parts[0]));
    if (header == null || !header.isObject() || !header.path("alg").isTextual()) {
      return refuse("header without alg");
    }
    if (header.has("crit")) {
      return refuse("critical header extensions are not supported");
    }
    byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    byte[] signature = decoder.decode(parts[2]);
    String alg = header.get("alg").asText();
    boolean signed = switch (alg) {
      case "HS256" -> keys.hmac().isPresent() && hmacMatches(signingInput, signature);
      case "RS256" -> rsaMatches(signingInput, signature, header.hasNonNull("kid")
          ? Optional.of(header.get("kid").asText()) : Optional.empty());
      default -> false;
    };
    if (!signed) {
      return refuse("signature does not verify with a configured key (alg " + alg + ")");
    }
    JsonNode claims = JSON.readTree(decoder.decode(parts[1]));
    if (claims == null || !claims.isObject()) {
      return refuse("claims are not a JSON object");
    }
    return claimsValid(claims);
  }

  private boolean hmacMatches(byte[] signingInput, byte[] signature) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(keys.hmac().get());
    return MessageDigest.isEqual(mac.doFinal(signingInput), signature);
  }

  private boolean rsaMatches(byte[] signingInput, byte[] signature, Optional<String> kid)
      throws GeneralSecurityException {
    for (RSAPublicKey key : keys.rsaKeys(kid)) {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update(signingInput);
      try {
        if (verifier.verify(signature)) {
          return true;
        }
      } catch (java.security.SignatureException e) {
        // A signature of the wrong length for this key: try the next one.
      }
    }
    return false;
  }

  private boolean claimsValid(JsonNode claims) {
    long now = clock.instant().getEpochSecond();
    JsonNode exp = claims.get("exp");
    if (exp == null || !exp.isNumber()) {
      return refuse("no numeric exp claim");
    }
    if (now - leeway.toSeconds() >= exp.asDouble()) {
      return refuse("expired");
    }
    JsonNode nbf = claims.get("nbf");
    if (nbf != null && (!nbf.isNumber() || now + leeway.toSeconds() < nbf.asDouble())) {
      return refuse("not valid yet");
    }
    if (issuer.isPresent() && !issuer.get().equals(claims.path("iss").textValue())) {
      return refuse("wrong issuer");
    }
    if (audience.isPresent() && !hasAudience(claims.get("aud"), audience.get())) {
      return refuse("wrong audience");
    }
    return true;
  }

  private static boolean hasAudience(JsonNode aud, String wanted) {
    if (aud == null) {
      return false;
    }
    if (aud.isTextual()) {
      return aud.asText().equals(wanted);
    }
    if (aud.isArray()) {
      for (JsonNode item : aud) {
        if (item.isTextual() && item.asText().equals(wanted)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean refuse(String reason) {
    log.debug("JWT refused: {}", reason);
    return false;
  }
}
