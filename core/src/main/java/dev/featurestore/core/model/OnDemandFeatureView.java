package dev.featurestore.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Feast's {@code @on_demand_feature_view}. The transformation is Python and is never run here:
 * {@code udfName} and {@code udfBodyText} keep its source for display.
 *
 * @param featureViewSources the views (or projections) it reads
 * @param requestSources the request sources it reads
 * @param mode "pandas" or "python"
 */
public record OnDemandFeatureView(
    String name,
    List<Field> features,
    List<FeatureViewProjection> featureViewSources,
    List<DataSource> requestSources,
    String mode,
    String udfName,
    String udfBodyText,
    boolean writeToOnlineStore,
    Metadata metadata) {
  public OnDemandFeatureView {
    requireNonNull(name, "name is null");
    features = List.copyOf(features);
    featureViewSources = List.copyOf(featureViewSources);
    requestSources = List.copyOf(requestSources);
    mode = mode == null || mode.isEmpty() ? "pandas" : mode;
    udfName = udfName == null ? "" : udfName;
    udfBodyText = udfBodyText == null ? "" : udfBodyText;
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }
}
