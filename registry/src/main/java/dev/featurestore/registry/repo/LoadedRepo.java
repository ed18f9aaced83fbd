package dev.featurestore.registry.repo;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.model.RepoContents;
import java.util.List;

/**
 * What a repository's definition files define.
 *
 * @param contents every registered object, in Feast's order (files sorted by path, objects by
 *     variable name within a file, Feast's {@code __dummy} entity last)
 * @param warnings things that load but will not fully work (on-demand transformations...)
 * @param entityColumnsToInfer join keys whose type must be read from a source before apply
 */
public record LoadedRepo(
    RepoContents contents, List<RepoWarning> warnings, List<EntityColumnToInfer> entityColumnsToInfer) {
  public LoadedRepo {
    requireNonNull(contents, "contents is null");
    warnings = List.copyOf(warnings);
    entityColumnsToInfer = List.copyOf(entityColumnsToInfer);
  }
}
