package dev.featurestore.adminui.security;

import static java.util.Objects.requireNonNull;

import java.security.Principal;
import org.springframework.security.core.Authentication;

/** The signed-in user as pages show it. */
public record CurrentUser(String name, ConsoleRole role) {
  public static final CurrentUser ANONYMOUS = new CurrentUser("", ConsoleRole.VIEWER);

  public CurrentUser {
    requireNonNull(name, "name is null");
    requireNonNull(role, "role is null");
  }

  public boolean operator() {
    return role == ConsoleRole.OPERATOR;
  }

  public boolean signedIn() {
    return !name.isEmpty();
  }

  public static CurrentUser of(Principal principal) {
    if (!(principal instanceof Authentication authentication)) {
      return ANONYMOUS;
    }
    boolean operator =
        authentication.getAuthorities().stream()
            .anyMatch(a -> a.getAuthority().equals("ROLE_" + ConsoleRole.OPERATOR.name()));
    return new CurrentUser(authentication.getName(), operator ? ConsoleRole.OPERATOR : ConsoleRole.VIEWER);
  }
}
