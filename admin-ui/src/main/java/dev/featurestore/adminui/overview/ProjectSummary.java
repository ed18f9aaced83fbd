package dev.featurestore.adminui.overview;

import dev.featurestore.core.model.RepoContents;
import java.time.Instant;
import java.util.Optional;

/** The counts on the overview page. */
record ProjectSummary(
    String project,
    String description,
    Optional<Instant> lastUpdated,
    int entities,
    int dataSources,
    int featureViews,
    int onDemandFeatureViews,
    int labelViews,
    int featureServices,
    int features) {

  static ProjectSummary of(RepoContents contents, Optional<Instant> lastUpdated) {
    int features =
        contents.featureViews().stream().mapToInt(v -> v.features().size()).sum()
            + contents.onDemandFeatureViews().stream().mapToInt(v -> v.features().size()).sum();
    return new ProjectSummary(
        contents.project().name(),
        contents.project().metadata().description(),
        lastUpdated,
        contents.entities().size(),
        contents.dataSources().size(),
        contents.featureViews().size(),
        contents.onDemandFeatureViews().size(),
        contents.labelViews().size(),
        contents.featureServices().size(),
        features);
  }
}
