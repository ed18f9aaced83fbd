package dev.featurestore.cli.init;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The text files of a new repository, kept as resources under {@code template/} with {@code
 * %PROJECT_NAME%} placeholders. {@code gitignore} is stored without its dot so that build tools
 * and IDEs do not treat it as the resource folder's own ignore file.
 */
final class RepoTemplate {
  private static final String PLACEHOLDER = "%PROJECT_NAME%";

  /** Resource name and the file it becomes. */
  private record TemplateFile(String resource, String target) {}

  private static final List<TemplateFile> FILES = List.of(
      new TemplateFile("feature_store.yaml", "feature_store.yaml"),
      new TemplateFile("example_repo.py", "example_repo.py"),
      new TemplateFile("README.md", "README.md"),
      new TemplateFile("gitignore", ".gitignore"));

  private RepoTemplate() {}

  /** Writes every template file into {@code repoDir} for {@code project}; returns their names. */
  static List<String> write(Path repoDir, String project) {
    requireNonNull(project, "project is null");
    for (TemplateFile file : FILES) {
      String text = read(file.resource()).replace(PLACEHOLDER, project);
      try {
        Files.writeString(repoDir.resolve(file.target()), text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return FILES.stream().map(TemplateFile::target).toList();
  }

  private static String read(String resource) {
    try (InputStream in = RepoTemplate.class.getResourceAsStream("template/" + resource)) {
      if (in == null) {
        throw new FeatureStoreException(ErrorCode.INTERNAL, "template file " + resource + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
