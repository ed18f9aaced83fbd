package dev.featurestore.core.offline;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;

import dev.featurestore.core.model.FeatureService;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.FeatureViewProjection;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.RepoContents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a user asks for (feature references {@code view:feature}, or a feature service) into
 * the {@link HistoricalFeatureView}s of a request, as Feast's {@code utils._get_features} and
 * {@code _get_requested_feature_views_to_features_dict}: views in the order of their first
 * reference, features in reference order. Output names must not collide, as Feast's {@code
 * _validate_feature_refs} demands.
 */
public final class HistoricalFeatureRefs {

  private HistoricalFeatureRefs() {}

  /**
   * Resolves {@code view:feature} references.
   *
   * @throws FeatureStoreException INVALID_ARGUMENT for a malformed reference or colliding output
   *     names; FEATURE_VIEW_NOT_FOUND / FEATURE_NOT_FOUND for an unknown name; UNSUPPORTED_CONSTRUCT
   *     for an on-demand view
   */
  public static List<HistoricalFeatureView> resolve(
      RepoContents contents, List<String> refs, boolean fullFeatureNames) {
    if (refs.isEmpty()) {
      throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, "no features specified for retrieval");
    }
    Map<String, List<String>> byView = new LinkedHashMap<>();
    for (String ref : refs) {
      int colon = ref.indexOf(':');
      if (colon <= 0 || colon == ref.length() - 1 || ref.indexOf(':', colon + 1) >= 0) {
        throw new FeatureStoreException(
            ErrorCode.INVALID_ARGUMENT,
            "feature reference '" + ref + "' must have the form feature_view:feature");
      }
      byView.computeIfAbsent(ref.substring(0, colon), k -> new ArrayList<>())
          .add(ref.substring(colon + 1));
    }
    List<HistoricalFeatureView> views = new ArrayList<>();
    byView.forEach(
        (viewName, features) -> {
          FeatureView view = view(contents, viewName, null);
          features.forEach(feature -> feature(view, feature));
          views.add(
              new HistoricalFeatureView(
                  view, view.name(), ViewJoinKeys.names(contents, view), Map.of(), features));
        });
    checkCollisions(views, fullFeatureNames);
    return views;
  }

  /** Resolves every projection of a feature service (FEATURE_SERVICE_NOT_FOUND if unknown). */
  public static List<HistoricalFeatureView> resolveService(
      RepoContents contents, String serviceName, boolean fullFeatureNames) {
    FeatureService service =
        contents
            .featureService(serviceName)
            .orElseThrow(
                () ->
                    new FeatureStoreException(
                        ErrorCode.FEATURE_SERVICE_NOT_FOUND,
                        "Feature service " + serviceName + " does not exist in project "
                            + contents.project().name()));
    List<HistoricalFeatureView> views = new ArrayList<>();
    for (FeatureViewProjection projection : service.features()) {
      FeatureView view = view(contents, projection.featureViewName(), serviceName);
      List<String> features =
          projection.features().isEmpty()
              ? view.features().stream().map(Field::name).toList()
              : projection.features().stream().map(Field::name).toList();
      features.forEach(feature -> feature(view, feature));
      views.add(
          new HistoricalFeatureView(
              view, projection.nameToUse(), ViewJoinKeys.names(contents, view), projection.joinKeyMap(),
              features));
    }
    checkCollisions(views, fullFeatureNames);
    return views;
  }

  private static FeatureView view(RepoContents contents, String name, String service) {
    String project = contents.project().name();
    return contents
        .featureView(name)
        .orElseThrow(
            () -> {
              if (contents.onDemandFeatureView(name).isPresent()) {
                return new FeatureStoreException(
                    ErrorCode.UNSUPPORTED_CONSTRUCT,
                    "on-demand feature view " + name + " runs Python, which historical retrieval"
                        + " cannot do; ask for the features of its source views instead");
              }
              return new FeatureStoreException(
                  ErrorCode.FEATURE_VIEW_NOT_FOUND,
                  "Feature view " + name + " does not exist in project " + project
                      + (service == null ? "" : " (used by feature service " + service + ")"));
            });
  }

  private static void feature(FeatureView view, String feature) {
    if (view.feature(feature).isEmpty()) {
      throw new FeatureStoreException(
          ErrorCode.FEATURE_NOT_FOUND,
          "feature view " + view.name() + " has no feature " + feature + "; its features are "
              + String.join(", ", view.features().stream().map(Field::name).toList()));
    }
  }

  private static void checkCollisions(List<HistoricalFeatureView> views, boolean fullFeatureNames) {
    Set<String> seen = new LinkedHashSet<>();
    Set<String> collided = new LinkedHashSet<>();
    for (HistoricalFeatureView view : views) {
      for (String feature : view.features()) {
        String column = view.outputColumn(feature, fullFeatureNames);
        if (!seen.add(column)) {
          collided.add(column);
        }
      }
    }
    if (!collided.isEmpty()) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_ARGUMENT,
          "Duplicate features named " + String.join(", ", collided) + " found. "
              + (fullFeatureNames
                  ? "Give the feature views or their features different names, or rename one"
                      + " view with .with_name."
                  : "Use full feature names (--full-feature-names) or ask for each feature once."));
    }
  }
}
