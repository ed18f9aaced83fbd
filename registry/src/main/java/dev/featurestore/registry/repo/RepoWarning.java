package dev.featurestore.registry.repo;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.SourceLocation;

/** Something a repository does that loads but will not work fully here. */
public record RepoWarning(SourceLocation location, String message) {
  public RepoWarning {
    requireNonNull(location, "location is null");
    requireNonNull(message, "message is null");
  }

  /** {@code file:line: message}. */
  @Override
  public String toString() {
    return location.file() + ":" + location.line() + ": " + message;
  }
}
