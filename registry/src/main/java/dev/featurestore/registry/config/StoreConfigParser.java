package dev.featurestore.registry.config;

import dev.featurestore.core.config.StoreConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an {@code online_store:}, {@code offline_store:} or {@code batch_engine:} setting: a type
 * name, or a mapping with an optional {@code type} and the type's keys. For a type we know, the
 * type is normalised to our name (Feast's aliases such as {@code dask} or a class path), an unknown
 * key is an error at its line (Feast's models forbid extra keys), values are checked and converted,
 * and absent keys get Feast's defaults. Any other type keeps its options as written, for the
 * back-end factory to accept or reject.
 */
final class StoreConfigParser {
  private final String block;
  private final String defaultType;
  private final Function<String, Optional<StoreType>> knownTypes;

  private StoreConfigParser(
      String block, String defaultType, Function<String, Optional<StoreType>> knownTypes) {
    this.block = block;
    this.defaultType = defaultType;
    this.knownTypes = knownTypes;
  }

  static StoreConfigParser online() {
    return new StoreConfigParser("online_store", StoreTypes.DEFAULT_ONLINE, StoreTypes::online);
  }

  static StoreConfigParser offline() {
    return new StoreConfigParser("offline_store", StoreTypes.DEFAULT_OFFLINE, StoreTypes::offline);
  }

  static StoreConfigParser featureServer() {
    return new StoreConfigParser("feature_server", "local", StoreTypes::featureServer);
  }

  /** Feast also reads the block under {@code batch_engine_config}; options are not checked. */
  static StoreConfigParser batchEngine(String key) {
    return new StoreConfigParser(key, "local", type -> Optional.empty());
  }

  /**
   * The setting under {@code top}'s key, or the default type with its defaults if absent. An
   * explicit null (and for {@code online_store} the strings {@code none}/{@code null}) means "no
   * store", as in Feast: type {@value StoreTypes#NONE}.
   */
  StoreConfig parse(ConfigBlock top) {
    if (!top.has(block)) {
      return build(top, defaultType, null);
    }
    Object raw = top.value(block);
    if (meansNoStore(raw)) {
      return new StoreConfig(block, StoreTypes.NONE, Map.of());
    }
    if (raw == null) {
      return build(top, defaultType, null);
    }
    if (raw instanceof String type) {
      return build(top, normalise(type), null);
    }
    Node valueNode = top.valueNode(block);
    if (!(valueNode instanceof MappingNode mapping)) {
      throw top.error(
          block, block + " must be a type name or a mapping, got " + ValueKind.describe(raw));
    }
    ConfigBlock section = new ConfigBlock(top.context(), block, top.keyNode(block), mapping);
    Object type = section.value("type");
    if (section.has("type") && !(type instanceof String)) {
      throw section.wrongType("type", ValueKind.STRING, type);
    }
    return build(top, type == null ? defaultType : normalise((String) type), section);
  }

  private boolean meansNoStore(Object raw) {
    boolean store = block.equals("online_store") || block.equals("offline_store");
    if (raw == null) {
      return store;
    }
    // Feast turns these strings into None for the online store only
    return block.equals("online_store")
        && raw instanceof String s
        && (s.equalsIgnoreCase("none") || s.equalsIgnoreCase("null"));
  }

  private String normalise(String type) {
    return knownTypes.apply(type).map(StoreType::name).orElse(type);
  }

  /** {@code section} is null when the file gives only a type name or nothing. */
  private StoreConfig build(ConfigBlock top, String type, ConfigBlock section) {
    Optional<StoreType> known = knownTypes.apply(type);
    Map<String, Object> options = new LinkedHashMap<>();
    if (section != null) {
      for (String key : section.keys()) {
        if (key.equals("type")) {
          continue;
        }
        if (known.isPresent()) {
          KeySpec spec =
              known.get().key(key).orElseThrow(() -> unknownKey(section, key, known.get()));
          putIfPresent(options, key, section.read(spec));
        } else {
          putIfPresent(options, key, section.value(key));
        }
      }
    }
    if (known.isPresent()) {
      fillDefaults(top, known.get(), options, section);
      checkDependencies(known.get(), options, section);
    }
    return new StoreConfig(block, type, options);
  }

  private void fillDefaults(
      ConfigBlock top, StoreType storeType, Map<String, Object> options, ConfigBlock section) {
    for (KeySpec spec : storeType.keys()) {
      if (spec.name().equals("type") || options.containsKey(spec.name())) {
        continue;
      }
      if (spec.required()) {
        Node at = top.has(block) ? top.keyNode(block) : top.anchor();
        throw top.context()
            .error(
                at,
                "missing required key '"
                    + spec.name()
                    + "' in "
                    + block
                    + " (type "
                    + storeType.name()
                    + ")");
      }
      if (spec.defaultValue() != null) {
        options.put(spec.name(), spec.defaultValue());
      }
    }
  }

  /** Feast's cross-key rules for the types we know. */
  private void checkDependencies(
      StoreType storeType, Map<String, Object> options, ConfigBlock section) {
    if (storeType.name().equals("bigquery")
        && options.containsKey("billing_project_id")
        && !options.containsKey("project_id")) {
      throw section.error(
          "billing_project_id",
          block + ".billing_project_id needs " + block + ".project_id to be set as well");
    }
  }

  private static void putIfPresent(Map<String, Object> options, String key, Object value) {
    // an explicit null means "not set", as for an absent key
    if (value != null) {
      options.put(key, value);
    }
  }

  private RuntimeException unknownKey(ConfigBlock section, String key, StoreType type) {
    return section.error(
        key,
        "unknown key '"
            + key
            + "' in "
            + block
            + " (type "
            + type.name()
            + "); known keys: "
            + type.knownKeys());
  }
}
