package dev.featurestore.registry.config;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a repository's feature_store.yaml into a {@link RepoConfig}, as Feast's {@code
 * load_repo_config} does: environment variables are expanded in the raw text first (see {@link
 * EnvironmentExpander}), then the YAML is checked key by key. Every error is a {@link
 * FeatureStoreException} with code {@code INVALID_CONFIG} and the file, line and column of the
 * offending key (or of the YAML syntax problem); warnings carry the same prefix.
 *
 * <p>Line and column numbers refer to the expanded text: they match the file unless a variable's
 * value spans lines, or the column follows a variable on the same line.
 */
public final class RepoConfigLoader {
  public static final String FILE_NAME = "feature_store.yaml";

  private RepoConfigLoader() {}

  /** Loads {@code repoDir/feature_store.yaml} with the process environment. */
  public static RepoConfig load(Path repoDir) {
    Path file = repoDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG,
          "no "
              + FILE_NAME
              + " in "
              + repoDir.toAbsolutePath().normalize()
              + "; run featurestore init or pass -c DIR");
    }
    return load(file, System.getenv());
  }

  /**
   * Loads the given file, expanding variables from {@code environment}; the repository folder is
   * the file's folder.
   */
  public static RepoConfig load(Path file, Map<String, String> environment) {
    Path absolute = file.toAbsolutePath().normalize();
    String text;
    try {
      text = Files.readString(absolute, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG, "cannot read " + absolute + ": " + e.getMessage(), e);
    }
    String fileName = absolute.getFileName().toString();
    return parse(fileName, EnvironmentExpander.expand(text, environment), absolute.getParent());
  }

  /** Parses already expanded text; {@code fileName} is used in messages. */
  static RepoConfig parse(String fileName, String text, Path repoPath) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    LoaderOptions options = new LoaderOptions();
    ConfigContext context = new ConfigContext(fileName, options);
    Node root = compose(context, text, options);
    if (root == null) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG,
          new SourceLocation(fileName, 1, 0),
          fileName + " is empty; it needs at least project and registry");
    }
    return new RepoConfigParser(context).parse(root, repoPath);
  }

  private static Node compose(ConfigContext context, String text, LoaderOptions options) {
    try {
      return new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
      String during = e.getContext() != null && e.getProblem() != null ? " " + e.getContext() : "";
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG,
          context.location(mark),
          "malformed YAML: " + problem + during,
          e);
    } catch (YAMLException e) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG,
          new SourceLocation(context.fileName(), 1, 0),
          "malformed YAML: " + e.getMessage(),
          e);
    }
  }
}
