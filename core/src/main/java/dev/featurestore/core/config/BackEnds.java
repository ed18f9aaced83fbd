package dev.featurestore.core.config;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Finds the back-end factory for a {@code type:} of feature_store.yaml among the implementations of
 * a factory SPI on the class path ({@link ServiceLoader}), as Feast picks a store class by type.
 */
public final class BackEnds {
  private BackEnds() {}

  /** Every factory of {@code spi} on the class path, by its type name, sorted; first one wins. */
  public static <F> Map<String, F> factories(Class<F> spi, Function<F, String> typeOf) {
    Map<String, F> factories = new TreeMap<>();
    for (F factory : ServiceLoader.load(spi, spi.getClassLoader())) {
      factories.putIfAbsent(typeOf.apply(factory), factory);
    }
    return factories;
  }

  /**
   * The factory for {@code type}, or {@code INVALID_CONFIG} naming the setting and the supported
   * types.
   *
   * @param setting how users write the setting, e.g. {@code online_store type}
   */
  public static <F> F factory(Class<F> spi, Function<F, String> typeOf, String type, String setting) {
    Map<String, F> factories = factories(spi, typeOf);
    F factory = factories.get(type);
    if (factory == null) {
      throw new FeatureStoreException(ErrorCode.INVALID_CONFIG,
          setting + " '" + type + "' is not supported; supported: " + String.join(", ", factories.keySet()));
    }
    return factory;
  }
}
