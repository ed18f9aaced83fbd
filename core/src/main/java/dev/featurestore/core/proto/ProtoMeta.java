package dev.featurestore.core.proto;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import feast.proto.core.DataSourceProto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The spec/meta split of Feast's registry objects, handled by field name so it works for every
 * kind: objects keep their spec in {@code spec} (1) and timestamps in {@code meta} (2), except
 * {@code DataSource}, which has no spec and keeps its meta in field 50 under the same name.
 */
final class ProtoMeta {

  private static final String SPEC = "spec";
  private static final String META = "meta";
  private static final String CREATED = "created_timestamp";
  private static final String UPDATED = "last_updated_timestamp";

  private ProtoMeta() {}

  /**
   * What an object is, without when it was stored: the {@code spec}, or for spec-less kinds the
   * message without {@code meta}. Data sources nested anywhere inside lose their meta too, since
   * Feast copies the timestamps of registered sources into views.
   */
  static Message specOf(Message proto) {
    FieldDescriptor spec = proto.getDescriptorForType().findFieldByName(SPEC);
    Message core =
        spec != null && spec.getJavaType() == FieldDescriptor.JavaType.MESSAGE
            ? (Message) proto.getField(spec)
            : proto;
    return stripSourceMeta(core);
  }

  static Message withMeta(Message proto, Instant created, Instant updated) {
    FieldDescriptor meta = proto.getDescriptorForType().findFieldByName(META);
    if (meta == null) {
      return proto; // e.g. ValidationReference keeps no timestamps
    }
    Message.Builder builder = proto.toBuilder();
    Message.Builder metaBuilder = builder.getFieldBuilder(meta);
    setTimestamp(metaBuilder, CREATED, created);
    setTimestamp(metaBuilder, UPDATED, updated);
    return builder.build();
  }

  static Optional<Instant> createdTimestamp(Message proto) {
    FieldDescriptor meta = proto.getDescriptorForType().findFieldByName(META);
    if (meta == null || !proto.hasField(meta)) {
      return Optional.empty();
    }
    Message metaMessage = (Message) proto.getField(meta);
    FieldDescriptor created = metaMessage.getDescriptorForType().findFieldByName(CREATED);
    if (created == null || !metaMessage.hasField(created)) {
      return Optional.empty();
    }
    Timestamp timestamp = (Timestamp) metaMessage.getField(created);
    return Optional.of(Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()));
  }

  private static void setTimestamp(Message.Builder meta, String name, Instant instant) {
    FieldDescriptor field = meta.getDescriptorForType().findFieldByName(name);
    if (field != null) {
      meta.setField(field, ProtoTime.toProto(instant));
    }
  }

  private static Message stripSourceMeta(Message message) {
    Message.Builder builder = message.toBuilder();
    for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (field.isRepeated()) {
        List<Object> stripped = new ArrayList<>();
        for (Object element : (List<?>) entry.getValue()) {
          stripped.add(stripSourceMeta((Message) element));
        }
        builder.setField(field, stripped);
      } else {
        builder.setField(field, stripSourceMeta((Message) entry.getValue()));
      }
    }
    if (message.getDescriptorForType() == DataSourceProto.DataSource.getDescriptor()) {
      builder.clearField(message.getDescriptorForType().findFieldByName(META));
    }
    return builder.build();
  }
}
