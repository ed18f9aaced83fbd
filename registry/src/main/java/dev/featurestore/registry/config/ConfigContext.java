package dev.featurestore.registry.config;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** The file being read: places nodes in it, builds located errors and collects warnings. */
final class ConfigContext {
  private final String fileName;
  private final YamlValueConstructor constructor;
  private final List<String> warnings = new ArrayList<>();

  ConfigContext(String fileName, LoaderOptions options) {
    this.fileName = requireNonNull(fileName, "fileName is null");
    this.constructor = new YamlValueConstructor(options);
  }

  String fileName() {
    return fileName;
  }

  SourceLocation location(Node node) {
    return location(node.getStartMark());
  }

  SourceLocation location(Mark mark) {
    return mark == null
        ? new SourceLocation(fileName, 1, 0)
        : new SourceLocation(fileName, mark.getLine() + 1, mark.getColumn() + 1);
  }

  FeatureStoreException error(Node node, String message) {
    return new FeatureStoreException(ErrorCode.INVALID_CONFIG, location(node), message);
  }

  void warn(Node node, String message) {
    warnings.add(location(node) + ": " + message);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  Object valueOf(Node node) {
    try {
      return constructor.valueOf(node);
    } catch (MarkedYAMLException e) {
      // e.g. a value that does not fit its explicit tag (!!int abc)
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG, location(node), "unsupported YAML value: " + e.getProblem(), e);
    } catch (YAMLException e) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG, location(node), "unsupported YAML value: " + e.getMessage(), e);
    }
  }

  YamlValueConstructor constructor() {
    return constructor;
  }
}
