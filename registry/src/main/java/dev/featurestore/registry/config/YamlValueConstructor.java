package dev.featurestore.registry.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns composed YAML nodes into plain Java values with the safe YAML 1.1 rules PyYAML's {@code
 * safe_load} also follows ({@code yes}/{@code on} are booleans, {@code <<} merges). Maps and lists
 * come back unmodifiable; map keys become strings.
 */
final class YamlValueConstructor extends SafeConstructor {

  YamlValueConstructor(LoaderOptions options) {
    super(options);
  }

  /**
   * The value of a node: String, Integer, Long, BigInteger, Double, Boolean, Date, List, Map, null.
   */
  Object valueOf(Node node) {
    return freeze(constructObject(node));
  }

  /** Applies {@code <<} merge keys in place, so the node's tuples are the effective ones. */
  void mergeKeys(MappingNode node) {
    flattenMapping(node);
  }

  private static Object freeze(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(v -> copy.add(freeze(v)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }
}
