package dev.featurestore.adminui.security;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;

/**
 * A user allowed to sign in to the console.
 *
 * @param passwordHash a bcrypt hash, stored with Spring Security's {@code {bcrypt}} prefix (a bare
 *     {@code $2a$}/{@code $2b$}/{@code $2y$} hash is accepted and prefixed); plain-text passwords
 *     are refused so they never sit in feature_store.yaml
 */
public record ConsoleUser(String name, String passwordHash, ConsoleRole role) {

  private static final String BCRYPT_PREFIX = "{bcrypt}";

  public ConsoleUser {
    requireNonNull(name, "name is null");
    requireNonNull(passwordHash, "passwordHash is null");
    requireNonNull(role, "role is null");
    if (name.isBlank()) {
      throw new FeatureStoreException(ErrorCode.INVALID_CONFIG, "server.console.users: a user has an empty name");
    }
    passwordHash = normalise(name, passwordHash.trim());
  }

  private static String normalise(String name, String hash) {
    String bare = hash.startsWith(BCRYPT_PREFIX) ? hash.substring(BCRYPT_PREFIX.length()) : hash;
    if (!bare.matches("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}")) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG,
          "server.console.users: the password of user '" + name + "' is not a bcrypt hash"
              + " (generate one with `htpasswd -nbBC 10 '' PASSWORD | cut -c2-`)");
    }
    return BCRYPT_PREFIX + bare;
  }

  // The hash stays out of logs and exception messages.
  @Override
  public String toString() {
    return "ConsoleUser[name=" + name + ", role=" + role + "]";
  }
}
