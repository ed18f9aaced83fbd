package dev.featurestore.registry.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A store type whose keys we know: Feast's configuration model for it (which forbids other keys)
 * plus this project's additions. {@code aliases} are other {@code type:} spellings Feast accepts
 * for it, such as the full Python class path.
 */
record StoreType(String name, List<String> aliases, List<KeySpec> keys) {

  StoreType {
    requireNonNull(name, "name is null");
    aliases = List.copyOf(aliases);
    keys = List.copyOf(keys);
  }

  Optional<KeySpec> key(String key) {
    return keys.stream().filter(spec -> spec.name().equals(key)).findFirst();
  }

  /** "type, path, ..." for messages, in declaration order. */
  String knownKeys() {
    return keys.stream().map(KeySpec::name).collect(Collectors.joining(", "));
  }
}
