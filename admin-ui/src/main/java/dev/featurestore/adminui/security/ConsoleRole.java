package dev.featurestore.adminui.security;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.util.List;
import java.util.Locale;

/** What a console user may do. Operators can do everything viewers can. */
public enum ConsoleRole {
  /** Reads every page; cannot change anything. */
  VIEWER,
  /** Also triggers, pauses and resumes materialization jobs. */
  OPERATOR;

  /** Spring Security authority names: an operator holds both roles. */
  public List<String> authorities() {
    return this == OPERATOR ? List.of("VIEWER", "OPERATOR") : List.of("VIEWER");
  }

  /** Parses the {@code role:} of a configured user ({@code viewer} or {@code operator}). */
  public static ConsoleRole parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG,
          "server.console.users: role '" + text + "' is not one of viewer, operator");
    }
  }
}
