package dev.featurestore.core.offline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link OfflineStore#getHistoricalFeatures} joins and where it writes the result.
 *
 * @param entities the entity rows (Feast's {@code entity_df})
 * @param views the views and features to join, in output order; build them with {@link
 *     HistoricalFeatureRefs}
 * @param fullFeatureNames Feast's {@code full_feature_names}: columns named {@code view__feature}
 * @param output the Parquet file written; replaced if it exists, its folder must exist
 */
public record HistoricalRetrievalRequest(
    EntityRows entities, List<HistoricalFeatureView> views, boolean fullFeatureNames, Path output) {

  public HistoricalRetrievalRequest {
    requireNonNull(entities, "entities is null");
    views = List.copyOf(views);
    if (views.isEmpty()) {
      throw new IllegalArgumentException("no feature views requested");
    }
    requireNonNull(output, "output is null");
  }

  /** Every output feature column, in order. */
  public List<String> featureColumns() {
    return views.stream()
        .flatMap(v -> v.features().stream().map(f -> v.outputColumn(f, fullFeatureNames)))
        .toList();
  }
}
