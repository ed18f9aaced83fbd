package dev.featurestore.registry.dump;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryState;
import dev.featurestore.registry.JsonStrings;
import java.util.Comparator;
import java.util.List;

/**
 * A project's registry as JSON in the shape of Feast's {@code BaseRegistry.to_dict} (what {@code
 * feast registry-dump} prints): {@code "project"} then one list per kind ({@code "entities"},
 * {@code "featureViews"}, ...), objects sorted by name, each in protobuf's JSON mapping.
 */
public final class RegistryJson {
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer();

  private RegistryJson() {}

  public static String toJson(RegistryState state) {
    StringBuilder out = new StringBuilder("{\n  \"project\": ").append(JsonStrings.quote(state.project()));
    for (RegistryObjectKind kind : RegistryObjectKind.values()) {
      if (kind == RegistryObjectKind.PROJECT) {
        continue;
      }
      List<RegistryObject> objects =
          state.objects(kind).stream().sorted(Comparator.comparing(RegistryObject::name)).toList();
      if (objects.isEmpty()) {
        continue;
      }
      out.append(",\n  ").append(JsonStrings.quote(key(kind))).append(": [");
      for (int i = 0; i < objects.size(); i++) {
        out.append(i == 0 ? "\n" : ",\n").append(indent(print(objects.get(i))));
      }
      out.append("\n  ]");
    }
    return out.append("\n}\n").toString();
  }

  /** Feast's keys: the kind's class name in lower camel case, plural. */
  static String key(RegistryObjectKind kind) {
    String name = kind.feastName();
    return Character.toLowerCase(name.charAt(0)) + name.substring(1) + "s";
  }

  private static String print(RegistryObject object) {
    try {
      return PRINTER.print(object.proto());
    } catch (InvalidProtocolBufferException e) {
      throw new FeatureStoreException(
          ErrorCode.CORRUPT_REGISTRY, "cannot print " + object.kind().feastName() + " " + object.name(), e);
    }
  }

  private static String indent(String json) {
    return "    " + json.replace("\n", "\n    ");
  }
}
