package dev.featurestore.registry.repo;

import dev.featurestore.core.error.SourceLocation;
import dev.featurestore.core.model.ValueType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Feast names module-level code can use, whichever {@code feast.*} module they are imported
 * from ({@code from feast import FileSource} and {@code from feast.infra.offline_stores.file_source
 * import FileSource} bind the same class). Feast names outside the subset import fine and fail
 * only when used.
 */
final class FeastLibrary {
  private static final String STREAM_DECORATOR_MODULE_NAME = "stream_feature_view";
  private static final String STREAM_DECORATOR_MODULE = "feast.stream_feature_view";

  private final Map<String, Object> names = new LinkedHashMap<>();
  private final ServiceConstructors services;

  FeastLibrary(Consumer<RepoWarning> warnings) {
    SourceConstructors.register(names);
    ViewConstructors views = new ViewConstructors(warnings);
    views.register(names);
    new StreamViewConstructors(views, warnings).register(names);
    services = new ServiceConstructors(warnings);
    services.register(names);
    names.put("ValueType", valueTypes());
    names.put("ConflictPolicy", ViewConstructors.ConflictPolicy.enumClass());
  }

  ServiceConstructors services() {
    return services;
  }

  static boolean isFeastModule(String module) {
    return module.equals("feast") || module.startsWith("feast.");
  }

  ModuleValue module(String moduleName) {
    return new ModuleValue() {
      @Override
      public String name() {
        return moduleName;
      }

      @Override
      public Optional<Object> attribute(String attribute) {
        return Optional.of(lookup(moduleName, attribute, null));
      }

      @Override
      public Set<String> publicNames() {
        return moduleName.equals("feast.types") ? Set.of("Bytes", "String", "Bool", "Int32", "Int64", "Float32",
            "Float64", "UnixTimestamp", "Map", "Json", "Uuid", "TimeUuid", "Decimal", "ScalarMap", "ZonedTimestamp",
            "Array", "Set", "Struct") : names.keySet();
      }
    };
  }

  /**
   * {@code from <module> import <name>}. Unknown names in {@code feast.types} are an error (they
   * are dtypes someone mistyped); other unknown Feast names are opaque.
   */
  Object lookup(String module, String name, SourceLocation location) {
    if (module.equals("feast.types")) {
      Optional<Object> type = FeastTypeNames.lookup(name);
      if (type.isPresent()) {
        return type.get();
      }
      if (FeastTypeNames.OTHER_EXPORTS.contains(name)) {
        return new Opaque("feast.types." + name, "'" + name + "' is not supported here", null);
      }
      throw FeastTypeNames.unknownType(name, location);
    }
    if (name.equals(STREAM_DECORATOR_MODULE_NAME) && !module.equals(STREAM_DECORATOR_MODULE)) {
      // feast.stream_feature_view is a module; only inside it does the name mean the decorator.
      return module(module + "." + name);
    }
    if (names.containsKey(name)) {
      return names.get(name);
    }
    if (!name.isEmpty() && Character.isLowerCase(name.charAt(0)) && !name.contains("_")) {
      return module(module + "." + name);
    }
    return new Opaque(module + "." + name, "'" + name + "' is not supported here", null);
  }

  private static EnumClass valueTypes() {
    Map<String, Object> members = new LinkedHashMap<>();
    for (ValueType type : ValueType.values()) {
      members.put(type.name(), type);
    }
    members.put("UNKNOWN", ValueType.INVALID);
    return new EnumClass("ValueType", members);
  }
}
