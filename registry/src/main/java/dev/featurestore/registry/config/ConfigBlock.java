package dev.featurestore.registry.config;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.FeatureStoreException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping of the file (the top level or a section such as {@code online_store}) with its
 * keys in file order and the nodes needed to point at them. As with PyYAML, a repeated key takes
 * the last value; we also warn about it.
 */
final class ConfigBlock {
  private final ConfigContext context;
  private final String name;
  private final Node anchor;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  /**
   * @param name the section's key ("" for the top level), used in messages
   * @param anchor where to point for the section as a whole (its key, or the document)
   */
  ConfigBlock(ConfigContext context, String name, Node anchor, MappingNode mapping) {
    this.context = requireNonNull(context, "context is null");
    this.name = requireNonNull(name, "name is null");
    this.anchor = requireNonNull(anchor, "anchor is null");
    warnAboutDuplicates(mapping);
    // merging also drops all but the last of repeated keys
    context.constructor().mergeKeys(mapping);
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalar) || !Tag.STR.equals(keyNode.getTag())) {
        throw context.error(
            keyNode, "keys in " + where() + " must be names, got " + keyText(keyNode));
      }
      entries.put(scalar.getValue(), tuple);
    }
  }

  private void warnAboutDuplicates(MappingNode mapping) {
    Map<String, Node> seen = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && Tag.STR.equals(key.getTag())) {
        Node previous = seen.put(key.getValue(), key);
        if (previous != null) {
          context.warn(
              key,
              "duplicate key '"
                  + key.getValue()
                  + "' in "
                  + where()
                  + " (first at line "
                  + context.location(previous).line()
                  + "); the last one wins");
        }
      }
    }
  }

  String name() {
    return name;
  }

  Node anchor() {
    return anchor;
  }

  ConfigContext context() {
    return context;
  }

  Set<String> keys() {
    return entries.keySet();
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  Node keyNode(String key) {
    return entries.get(key).getKeyNode();
  }

  Node valueNode(String key) {
    return entries.get(key).getValueNode();
  }

  /** The key's value as plain Java (see {@link YamlValueConstructor}); null when absent or null. */
  Object value(String key) {
    return has(key) ? context.valueOf(valueNode(key)) : null;
  }

  /** The dotted name of a key for messages, e.g. {@code online_store.path}. */
  String qualified(String key) {
    return name.isEmpty() ? key : name + "." + key;
  }

  /** "the top level" or "online_store". */
  String where() {
    return name.isEmpty() ? "the top level" : name;
  }

  /**
   * Reads a key as its spec says: null if absent or null (an error if required), else the value
   * converted to the spec's kind; a value of the wrong kind or outside the allowed values is an
   * error at the key.
   */
  Object read(KeySpec spec) {
    Object raw = value(spec.name());
    if (raw == null) {
      if (spec.required()) {
        throw missing(spec.name());
      }
      return null;
    }
    Object value = spec.kind().accept(raw);
    if (value == null) {
      throw wrongType(spec.name(), spec.kind(), raw);
    }
    if (!spec.allowed().isEmpty() && !spec.allowed().contains(value)) {
      throw error(
          spec.name(),
          qualified(spec.name())
              + " must be one of "
              + String.join(", ", spec.allowed())
              + ", got "
              + ValueKind.describe(raw));
    }
    return value;
  }

  FeatureStoreException wrongType(String key, ValueKind kind, Object raw) {
    String hint =
        kind == ValueKind.STRING && (raw instanceof Number || raw instanceof Boolean)
            ? " (quote it to make it a string)"
            : "";
    return error(
        key,
        qualified(key)
            + " must be "
            + kind.expectation()
            + ", got "
            + ValueKind.describe(raw)
            + hint);
  }

  FeatureStoreException missing(String key) {
    String in = name.isEmpty() ? "" : " in " + name;
    return context.error(anchor, "missing required key '" + key + "'" + in);
  }

  FeatureStoreException error(String key, String message) {
    return context.error(keyNode(key), message);
  }

  void warn(String key, String message) {
    context.warn(keyNode(key), message);
  }

  private static String keyText(Node keyNode) {
    return keyNode instanceof ScalarNode scalar
        ? "'" + scalar.getValue() + "'"
        : "a " + keyNode.getNodeId();
  }
}
