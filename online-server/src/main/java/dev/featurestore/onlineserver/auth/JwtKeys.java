package dev.featurestore.onlineserver.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys JWTs are verified with, loaded once at start-up: the HS256 secret, and RSA public keys
 * from a PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo) and/or a JWKS file
 * (RFC 7517 keys with {@code kty: RSA}; others are skipped). A key that cannot be read is
 * INVALID_CONFIG, so a broken setup fails at start rather than refusing every caller.
 */
record JwtKeys(Optional<SecretKeySpec> hmac, List<RsaKey> rsa) {

  /** An RSA verification key; {@code kid} empty when it came from a PEM. */
  record RsaKey(Optional<String> kid, RSAPublicKey key) {}

  JwtKeys {
    rsa = List.copyOf(rsa);
  }

  static JwtKeys load(AuthConfig config) {
    Optional<SecretKeySpec> hmac = config.hs256Secret()
        .map(secret -> new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    List<RsaKey> rsa = new ArrayList<>();
    config.rs256PublicKey().ifPresent(pem -> rsa.add(new RsaKey(Optional.empty(), pem(pem, "rs256_public_key"))));
    config.rs256PublicKeyFile().ifPresent(file ->
        rsa.add(new RsaKey(Optional.empty(), pem(read(file, "rs256_public_key_file"), "rs256_public_key_file"))));
    config.jwksFile().ifPresent(file -> rsa.addAll(jwks(read(file, "jwks_file"))));
    if (config.jwksFile().isPresent() && rsa.isEmpty()) {
      throw invalid("server.auth.jwks_file " + config.jwksFile().get() + " holds no RSA key");
    }
    return new JwtKeys(hmac, rsa);
  }

  /** Candidate keys for a token: the one named by {@code kid} if the token names one, else all. */
  List<RSAPublicKey> rsaKeys(Optional<String> kid) {
    return rsa.stream()
        .filter(k -> kid.isEmpty() || k.kid().isEmpty() || k.kid().equals(kid))
        .map(RsaKey::key)
        .toList();
  }

  static RSAPublicKey pem(String text, String key) {
    String body = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
    if (text.contains("BEGIN RSA PUBLIC KEY")) {
      throw invalid("server.auth." + key + " is a PKCS#1 key; convert it with `openssl rsa -pubin -RSAPublicKey_in"
          + " -pubout` to a '-----BEGIN PUBLIC KEY-----' PEM");
    }
    try {
      PublicKey parsed = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
      return (RSAPublicKey) parsed;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw invalid("server.auth." + key + " is not an RSA public key in PEM ('-----BEGIN PUBLIC KEY-----')");
    }
  }

  static List<RsaKey> jwks(String json) {
    List<RsaKey> keys = new ArrayList<>();
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      JsonNode array = root == null ? null : root.get("keys");
      if (array == null || !array.isArray()) {
        throw invalid("server.auth.jwks_file must be a JSON Web Key Set: {\"keys\": [...]}");
      }
      Base64.Decoder decoder = Base64.getUrlDecoder();
      for (JsonNode jwk : array) {
        if (!"RSA".equals(jwk.path("kty").asText()) || "enc".equals(jwk.path("use").asText())) {
          continue;
        }
        BigInteger modulus = new BigInteger(1, decoder.decode(jwk.path("n").asText()));
        BigInteger exponent = new BigInteger(1, decoder.decode(jwk.path("e").asText()));
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(modulus, exponent));
        Optional<String> kid = jwk.hasNonNull("kid") ? Optional.of(jwk.get("kid").asText()) : Optional.empty();
        keys.add(new RsaKey(kid, key));
      }
      return keys;
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw invalid("server.auth.jwks_file is not a valid JSON Web Key Set: " + e.getMessage());
    }
  }

  private static String read(Path file, String key) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw invalid("server.auth." + key + ": cannot read " + file + ": " + e.getMessage());
    }
  }

  private static FeatureStoreException invalid(String message) {
    return new FeatureStoreException(ErrorCode.INVALID_CONFIG, message);
  }
}
