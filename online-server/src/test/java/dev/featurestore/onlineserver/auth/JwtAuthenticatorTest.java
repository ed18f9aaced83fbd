package dev.featurestore.onlineserver.auth;

import static dev.featurestore.onlineserver.auth.TestingJwt.SECRET;
import static dev.featurestore.onlineserver.auth.TestingJwt.hs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtAuthenticatorTest {
  private static final long NOW = 1_800_000_000L;
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  private static final KeyPair RSA = TestingJwt.rsaKeyPair();
  private static final KeyPair OTHER_RSA = TestingJwt.rsaKeyPair();
  private static final String RS_HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";

  private final Authenticator hs = authenticator(Map.of("type", "jwt", "hs256_secret", SECRET));

  @Test
  void acceptsAValidHs256Token() {
    assertThat(accepts(hs, hs256(claims(NOW + 60)))).isTrue();
    // The scheme is case-insensitive (RFC 7235).
    assertThat(hs.accepts(new Credentials("bearer " + hs256(claims(NOW + 60)), null))).isTrue();
  }

  @Test
  void refusesExpiredTokensBeyondTheLeewayOnly() {
    assertThat(accepts(hs, hs256(claims(NOW - 10)))).as("within 30 s leeway").isTrue();
    assertThat(accepts(hs, hs256(claims(NOW - 31)))).isFalse();
    assertThat(accepts(hs, hs256("{\"sub\":\"x\"}"))).as("no exp").isFalse();
    assertThat(accepts(hs, hs256("{\"exp\":\"tomorrow\"}"))).isFalse();
    assertThat(accepts(hs, hs256("{\"exp\":" + (NOW + 600) + ",\"nbf\":" + (NOW + 300) + "}"))).as("nbf").isFalse();
    assertThat(accepts(hs, hs256("{\"exp\":" + (NOW + 600) + ",\"nbf\":" + (NOW + 20) + "}"))).isTrue();
  }

  @Test
  void refusesWrongSignaturesAndAlgorithms() {
    assertThat(accepts(hs, hs256("{\"alg\":\"HS256\"}", claims(NOW + 60), SECRET + "x"))).isFalse();
    assertThat(accepts(hs, TestingJwt.unsigned(claims(NOW + 60)))).as("alg none").isFalse();
    String good = hs256(claims(NOW + 60));
    String[] parts = good.split("\\.");
    // alg none with the original signature kept, and with the signature stripped
    String none = TestingJwt.encode("{\"alg\":\"none\"}");
    assertThat(accepts(hs, none + "." + parts[1] + "." + parts[2])).isFalse();
    assertThat(accepts(hs, none + "." + parts[1] + ".")).isFalse();
    // Claims swapped after signing.
    assertThat(accepts(hs, parts[0] + "." + TestingJwt.encode(claims(NOW + 9999)) + "." + parts[2])).isFalse();
    assertThat(accepts(hs, hs256("{\"alg\":\"HS512\"}", claims(NOW + 60), SECRET))).isFalse();
    assertThat(accepts(hs, TestingJwt.rs256(RS_HEADER, claims(NOW + 60), RSA.getPrivate()))).as("no RSA key").isFalse();
    assertThat(accepts(hs, hs256("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", claims(NOW + 60), SECRET))).isFalse();
  }

  @Test
  void refusesMalformedTokens() {
    for (String token : List.of("", "abc", "a.b", "a.b.c.d", "!!!.@@@.###", "e30.e30.", ".." ,
        TestingJwt.encode("[1]") + ".e30.AAAA", TestingJwt.encode("{\"alg\":\"HS256\",\"alg\":\"none\"}") + ".e30.AAAA",
        "x".repeat(20_000))) {
      assertThat(accepts(hs, token)).as(token).isFalse();
    }
    assertThat(hs.accepts(new Credentials(null, null))).isFalse();
    assertThat(hs.accepts(new Credentials("Basic dXNlcjpwYXNz", null))).isFalse();
    assertThat(hs.accepts(new Credentials("Bearer ", null))).isFalse();
  }

  @Test
  void checksIssuerAndAudienceWhenConfigured() {
    Authenticator strict = authenticator(Map.of("type", "jwt", "hs256_secret", SECRET, "issuer", "https://idp",
        "audience", "featurestore"));
    assertThat(accepts(strict, hs256("{\"exp\":" + (NOW + 60) + ",\"iss\":\"https://idp\",\"aud\":\"featurestore\"}"))).isTrue();
    assertThat(accepts(strict, hs256("{\"exp\":" + (NOW + 60) + ",\"iss\":\"https://idp\",\"aud\":[\"x\",\"featurestore\"]}"))).isTrue();
    assertThat(accepts(strict, hs256("{\"exp\":" + (NOW + 60) + ",\"iss\":\"https://evil\",\"aud\":\"featurestore\"}"))).isFalse();
    assertThat(accepts(strict, hs256("{\"exp\":" + (NOW + 60) + ",\"iss\":\"https://idp\",\"aud\":\"other\"}"))).isFalse();
    assertThat(accepts(strict, hs256("{\"exp\":" + (NOW + 60) + ",\"iss\":\"https://idp\"}"))).isFalse();
  }

  @Test
  void rs256WithAPemKey() {
    Authenticator rs = authenticator(Map.of("type", "jwt", "rs256_public_key",
        TestingJwt.pem((RSAPublicKey) RSA.getPublic())));
    assertThat(accepts(rs, TestingJwt.rs256(RS_HEADER, claims(NOW + 60), RSA.getPrivate()))).isTrue();
    assertThat(accepts(rs, TestingJwt.rs256(RS_HEADER, claims(NOW + 60), OTHER_RSA.getPrivate()))).isFalse();
    assertThat(accepts(rs, TestingJwt.rs256(RS_HEADER, claims(NOW - 600), RSA.getPrivate()))).isFalse();
    // Key confusion: an HS256 token whose "secret" is the public key's PEM must not pass.
    assertThat(accepts(rs, hs256("{\"alg\":\"HS256\"}", claims(NOW + 60), TestingJwt.pem((RSAPublicKey) RSA.getPublic()))))
        .isFalse();
  }

  @Test
  void rs256WithAJwksFileChoosesTheKeyByKid(@TempDir Path dir) throws Exception {
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, "{\"keys\":[" + TestingJwt.jwk("k1", (RSAPublicKey) OTHER_RSA.getPublic()) + ","
        + "{\"kty\":\"EC\",\"kid\":\"ec\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"},"
        + TestingJwt.jwk("k2", (RSAPublicKey) RSA.getPublic()) + "]}");
    Authenticator rs = authenticator(Map.of("type", "jwt", "jwks_file", jwks.toString()));
    assertThat(accepts(rs, TestingJwt.rs256("{\"alg\":\"RS256\",\"kid\":\"k2\"}", claims(NOW + 60), RSA.getPrivate()))).isTrue();
    assertThat(accepts(rs, TestingJwt.rs256(RS_HEADER, claims(NOW + 60), RSA.getPrivate()))).as("no kid: try all").isTrue();
    assertThat(accepts(rs, TestingJwt.rs256("{\"alg\":\"RS256\",\"kid\":\"k1\"}", claims(NOW + 60), RSA.getPrivate()))).isFalse();
    assertThat(accepts(rs, TestingJwt.rs256("{\"alg\":\"RS256\",\"kid\":\"k9\"}", claims(NOW + 60), RSA.getPrivate()))).isFalse();
  }

  @Test
  void badKeyMaterialFailsAtStart(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> authenticator(Map.of("type", "jwt", "rs256_public_key", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")))
        .hasMessageContaining("server.auth.rs256_public_key is not an RSA public key in PEM");
    assertThatThrownBy(() -> authenticator(Map.of("type", "jwt", "jwks_file", dir.resolve("missing.json").toString())))
        .hasMessageContaining("server.auth.jwks_file: cannot read");
    Path empty = Files.writeString(dir.resolve("empty.json"), "{\"keys\":[]}");
    assertThatThrownBy(() -> authenticator(Map.of("type", "jwt", "jwks_file", empty.toString())))
        .hasMessageContaining("holds no RSA key");
  }

  @Test
  void apiKeysComparedWholeFromEitherHeader() {
    Authenticator keys = Authenticator.from(AuthConfig.from(Map.of("type", "api_key", "api_keys", List.of("k-one", "k-two"))));
    assertThat(keys.accepts(new Credentials(null, "k-two"))).isTrue();
    assertThat(keys.accepts(new Credentials("Bearer k-one", null))).isTrue();
    assertThat(keys.accepts(new Credentials(null, "k-on"))).isFalse();
    assertThat(keys.accepts(new Credentials(null, "k-one "))).isFalse();
    assertThat(keys.accepts(new Credentials("k-one", null))).as("no Bearer scheme").isFalse();
    assertThat(keys.accepts(new Credentials(null, null))).isFalse();
    assertThat(keys.accepts(new Credentials("Bearer wrong", ""))).isFalse();
  }

  private static Authenticator authenticator(Map<String, Object> auth) {
    AuthConfig config = AuthConfig.from(auth);
    return new JwtAuthenticator(JwtKeys.load(config), config.issuer(), config.audience(), config.leeway(), CLOCK);
  }

  private static boolean accepts(Authenticator authenticator, String token) {
    return authenticator.accepts(new Credentials("Bearer " + token, null));
  }

  private static String claims(long exp) {
    return "{\"sub\":\"svc-decisioning\",\"exp\":" + exp + "}";
  }

  @SuppressWarnings("unused")
  private static Optional<String> none() {
    return Optional.empty();
  }
}
