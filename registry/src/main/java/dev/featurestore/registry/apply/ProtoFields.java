package dev.featurestore.registry.apply;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import dev.featurestore.core.proto.RegistryProtoMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Field-by-field comparison of Feast registry specs, by reflection. */
final class ProtoFields {
  /** Feast's {@code FIELDS_TO_IGNORE}: the project is implied by where the object is stored. */
  private static final String PROJECT = "project";

  private ProtoFields() {}

  /** The part of an object a diff compares (Feast compares specs; sources without meta). */
  static Message spec(Message object) {
    return RegistryProtoMapper.specOf(object);
  }

  static List<FieldDescriptor> comparedFields(Message spec) {
    return spec.getDescriptorForType().getFields().stream()
        .filter(f -> !f.getName().equals(PROJECT))
        .toList();
  }

  /** Fields of the spec that differ, in declaration order, with both values rendered. */
  static List<PropertyDiff> specDiff(Message existing, Message declared) {
    Message before = spec(existing);
    Message after = spec(declared);
    List<PropertyDiff> diffs = new ArrayList<>();
    for (FieldDescriptor field : comparedFields(before)) {
      Object a = comparable(before, field);
      Object b = comparable(after, field);
      if (!Objects.equals(a, b)) {
        diffs.add(new PropertyDiff(field.getName(), render(before, field), render(after, field)));
      }
    }
    return diffs;
  }

  /** Map fields compare as maps: their entry order on the wire carries no meaning. */
  private static Object comparable(Message message, FieldDescriptor field) {
    if (field.isMapField()) {
      Map<Object, Object> map = new HashMap<>();
      for (Object entry : (List<?>) message.getField(field)) {
        MapEntry<?, ?> mapEntry = (MapEntry<?, ?>) entry;
        map.put(mapEntry.getKey(), mapEntry.getValue());
      }
      return map;
    }
    if (!field.isRepeated() && field.hasPresence() && !message.hasField(field)) {
      return null;
    }
    return message.getField(field);
  }

  private static String render(Message message, FieldDescriptor field) {
    Object value = comparable(message, field);
    if (value == null) {
      return "(unset)";
    }
    if (value instanceof Message m) {
      return "{" + TextFormat.printer().shortDebugString(m) + "}";
    }
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      for (Object item : list) {
        items.add(item instanceof Message m ? "{" + TextFormat.printer().shortDebugString(m) + "}" : String.valueOf(item));
      }
      return items.toString();
    }
    if (value instanceof String s) {
      return "\"" + s + "\"";
    }
    return String.valueOf(value);
  }
}
