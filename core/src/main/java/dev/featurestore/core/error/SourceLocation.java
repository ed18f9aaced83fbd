package dev.featurestore.core.error;

import static java.util.Objects.requireNonNull;

/** A place in a repository file; lines and columns count from 1. */
public record SourceLocation(String file, int line, int column) {
  public SourceLocation {
    requireNonNull(file, "file is null");
  }

  @Override
  public String toString() {
    return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
  }
}
