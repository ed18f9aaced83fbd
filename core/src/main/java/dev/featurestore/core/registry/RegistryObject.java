package dev.featurestore.core.registry;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;

/**
 * One stored registry object: the whole Feast proto (spec and meta) of its kind, e.g. {@code
 * feast.core.Entity} for {@link RegistryObjectKind#ENTITY}. Stores persist {@code proto} as bytes
 * and never interpret it beyond the name and project.
 */
public record RegistryObject(RegistryObjectKind kind, String name, Message proto) {
  public RegistryObject {
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    requireNonNull(proto, "proto is null");
  }
}
