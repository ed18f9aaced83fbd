package dev.featurestore.onlineserver.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds signed tokens for tests, the way any JWT library would (RFC 7515 compact form). */
public final class TestingJwt {
  public static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long";
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private TestingJwt() {}

  public static String hs256(String claimsJson) {
    return hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", claimsJson, SECRET);
  }

  public static String hs256(String headerJson, String claimsJson, String secret) {
    String input = encode(headerJson) + "." + encode(claimsJson);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return input + "." + URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String rs256(String headerJson, String claimsJson, PrivateKey key) {
    String input = encode(headerJson) + "." + encode(claimsJson);
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + URL.encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String unsigned(String claimsJson) {
    return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claimsJson) + ".";
  }

  public static String encode(String json) {
    return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  public static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String pem(RSAPublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
  }

  public static String jwk(String kid, RSAPublicKey key) {
    return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
        + URL.encodeToString(unsigned(key.getModulus().toByteArray())) + "\",\"e\":\""
        + URL.encodeToString(unsigned(key.getPublicExponent().toByteArray())) + "\"}";
  }

  private static byte[] unsigned(byte[] twosComplement) {
    return twosComplement[0] == 0 ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
  }
}
