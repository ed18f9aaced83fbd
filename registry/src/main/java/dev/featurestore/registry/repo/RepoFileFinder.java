package dev.featurestore.registry.repo;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The definition files Feast imports ({@code repo_operations.get_repo_files}): every {@code *.py}
 * under the root except {@code __init__.py}, minus what {@code .feastignore} and Feast's built-in
 * ignores match. Patterns follow {@code pathlib.Path.glob}: {@code *} within one path component,
 * {@code **} for any number of directories; a matched directory ignores every file under it.
 * Lines are cut at the first {@code #} and trimmed.
 */
final class RepoFileFinder {
  private static final List<String> BUILT_IN_IGNORES =
      List.of(".git", ".feastignore", ".venv", "**/.ipynb_checkpoints", "**/.pytest_cache", "**/__pycache__");

  private RepoFileFinder() {}

  /** Files in Feast's order (sorted by path components). */
  static List<Path> find(Path root) {
    List<Pattern> ignores = new ArrayList<>();
    for (String line : feastIgnoreLines(root)) {
      ignores.add(globToPattern(line));
    }
    BUILT_IN_IGNORES.forEach(p -> ignores.add(globToPattern(p)));
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(root) && ignored(root, dir, ignores) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          String name = file.getFileName().toString();
          if (attrs.isRegularFile() && name.endsWith(".py") && !name.equals("__init__.py") && !ignored(root, file, ignores)) {
            files.add(file);
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new FeatureStoreException(ErrorCode.INVALID_CONFIG, "cannot list repository files under " + root, e);
    }
    files.sort(Comparator.comparing(p -> relative(root, p), RepoFileFinder::compareParts));
    return files;
  }

  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static int compareParts(String a, String b) {
    String[] pa = a.split("/");
    String[] pb = b.split("/");
    for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
      int c = pa[i].compareTo(pb[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(pa.length, pb.length);
  }

  private static boolean ignored(Path root, Path path, List<Pattern> ignores) {
    String relative = relative(root, path);
    return ignores.stream().anyMatch(p -> p.matcher(relative).matches());
  }

  private static List<String> feastIgnoreLines(Path root) {
    Path file = root.resolve(".feastignore");
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try (Stream<String> lines = Files.lines(file)) {
      return lines.map(l -> l.indexOf('#') >= 0 ? l.substring(0, l.indexOf('#')) : l)
          .map(String::strip)
          .filter(l -> !l.isEmpty())
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw new FeatureStoreException(ErrorCode.INVALID_CONFIG, "cannot read " + file, e);
    }
  }

  /** Translates one glob (relative to the root) into a pattern over '/'-separated relative paths. */
  static Pattern globToPattern(String glob) {
    String trimmed = glob;
    while (trimmed.startsWith("/") || trimmed.startsWith("./")) {
      trimmed = trimmed.startsWith("/") ? trimmed.substring(1) : trimmed.substring(2);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    StringBuilder regex = new StringBuilder();
    String[] parts = trimmed.split("/");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      boolean last = i == parts.length - 1;
      if (part.equals("**")) {
        regex.append(last ? "(?:[^/]+(?:/[^/]+)*)?" : "(?:[^/]+/)*");
        continue;
      }
      regex.append(componentToRegex(part));
      if (!last) {
        regex.append('/');
      }
    }
    String result = regex.toString();
    if (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return Pattern.compile(result);
  }

  private static String componentToRegex(String component) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      switch (c) {
        case '*' -> out.append("[^/]*");
        case '?' -> out.append("[^/]");
        case '[' -> {
          int close = component.indexOf(']', i + 2);
          if (close < 0) {
            out.append("\\[");
          } else {
            String set = component.substring(i + 1, close);
            if (set.startsWith("!")) {
              set = "^" + set.substring(1);
            }
            out.append('[').append(set.replace("\\", "\\\\")).append(']');
            i = close;
          }
        }
        default -> out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return out.toString();
  }
}
