package dev.featurestore.registry.repo;

import java.util.Optional;
import java.util.Set;

/** A module object: a Feast module we model, a repository module, {@code datetime}. */
interface ModuleValue {
  String name();

  Optional<Object> attribute(String attributeName);

  /** The names {@code from module import *} binds. */
  Set<String> publicNames();
}
