package dev.featurestore.adminui.web;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.registry.RegistryState;

/** One registry snapshot in both forms: the raw protos (for metadata) and the model. */
public record RegistrySnapshot(RegistryState state, RepoContents contents) {
  public RegistrySnapshot {
    requireNonNull(state, "state is null");
    requireNonNull(contents, "contents is null");
  }

  public String project() {
    return state.project();
  }
}
