package dev.featurestore.registry.python;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A parsed file.
 *
 * @param file the name locations use (the path relative to the repository root)
 * @param source the source with normalised line endings, which token offsets refer to
 */
public record PythonModule(String file, String source, List<Stmt> statements) {
  public PythonModule {
    requireNonNull(file, "file is null");
    requireNonNull(source, "source is null");
    statements = List.copyOf(statements);
  }
}
