package dev.featurestore.adminui.security;

import java.util.List;

/** The users allowed to sign in, as the console was started with them (never empty). */
public record ConsoleUsers(List<ConsoleUser> users) {
  public ConsoleUsers {
    users = List.copyOf(users);
    if (users.isEmpty()) {
      throw new IllegalArgumentException("a console needs at least one user");
    }
  }
}
