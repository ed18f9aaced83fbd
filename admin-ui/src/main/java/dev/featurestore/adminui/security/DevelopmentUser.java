package dev.featurestore.adminui.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The user a console gets when feature_store.yaml configures none: {@code admin}, operator, with a
 * random password that exists only in this process (shown once at start-up), so a console is never
 * reachable with a well-known password.
 *
 * @param password the clear-text password, to show the person who started the console
 */
public record DevelopmentUser(ConsoleUser user, String password) {

  public static final String NAME = "admin";

  public static DevelopmentUser generate() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    String hash = new BCryptPasswordEncoder().encode(password);
    return new DevelopmentUser(new ConsoleUser(NAME, hash, ConsoleRole.OPERATOR), password);
  }

  @Override
  public String toString() {
    return "DevelopmentUser[" + NAME + "]";
  }
}
