package dev.featurestore.onlineserver.auth;

/**
 * Decides whether a caller's {@link Credentials} are acceptable. Implementations are thread-safe,
 * never throw for bad input (a bad token is simply not accepted) and do not say why they refused:
 * callers answer every refusal with the same generic message.
 */
public interface Authenticator {

  /** Whether the credentials identify an allowed caller. */
  boolean accepts(Credentials credentials);

  /** The authenticator the configuration asks for; {@code none} accepts everyone. */
  static Authenticator from(AuthConfig config) {
    return switch (config.type()) {
      case NONE -> credentials -> true;
      case API_KEY -> new ApiKeyAuthenticator(config.apiKeys());
      case JWT -> new JwtAuthenticator(JwtKeys.load(config), config.issuer(), config.audience(), config.leeway(),
          java.time.Clock.systemUTC());
    };
  }
}
