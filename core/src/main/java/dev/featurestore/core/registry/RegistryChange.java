package dev.featurestore.core.registry;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import java.util.Optional;

/**
 * One object created, updated or deleted by an apply.
 *
 * @param proto the object's new whole proto (meta already set); empty for {@link Type#DELETE}
 * @param summary a one-line description of what changed, kept in the apply history
 */
public record RegistryChange(
    Type type, RegistryObjectKind kind, String name, Optional<Message> proto, String summary) {

  public enum Type {
    CREATE,
    UPDATE,
    DELETE
  }

  public RegistryChange {
    requireNonNull(type, "type is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    requireNonNull(proto, "proto is null");
    if (proto.isEmpty() != (type == Type.DELETE)) {
      throw new IllegalArgumentException("a " + type + " of " + name + " must " + (type == Type.DELETE ? "not " : "") + "carry a proto");
    }
    summary = summary == null ? "" : summary;
  }
}
