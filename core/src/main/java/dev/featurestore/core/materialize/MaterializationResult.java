package dev.featurestore.core.materialize;

import java.util.List;

/**
 * The outcome of a successful run.
 *
 * @param views the views materialized, in the order they ran
 * @param skipped one line per view left out, saying why
 */
public record MaterializationResult(List<ViewMaterialization> views, List<String> skipped) {
  public MaterializationResult {
    views = List.copyOf(views);
    skipped = List.copyOf(skipped);
  }

  public long totalRows() {
    return views.stream().mapToLong(ViewMaterialization::rows).sum();
  }
}
