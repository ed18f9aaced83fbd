package dev.featurestore.onlineserver.serving;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.FeatureService;
import dev.featurestore.core.model.FeatureViewProjection;
import dev.featurestore.core.model.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns feature references ({@code view:feature}) or a feature service into {@link
 * ResolvedFeatures} against one registry snapshot. Columns keep request order (Go server's
 * behaviour, feast-compat.md §5); features of one view are grouped into one store read.
 */
public final class FeatureResolver {

  private FeatureResolver() {}

  public static ResolvedFeatures resolveRefs(RegistryIndex index, List<String> refs, boolean fullNames) {
    if (refs.isEmpty()) {
      throw invalid("the request names no features: give 'features' or 'feature_service'");
    }
    Map<String, Integer> selectionByView = new LinkedHashMap<>();
    List<ViewInfo> views = new ArrayList<>();
    List<List<String>> features = new ArrayList<>();
    List<int[]> refPositions = new ArrayList<>();
    for (String ref : refs) {
      int colon = ref.indexOf(':');
      if (colon <= 0 || colon == ref.length() - 1) {
        throw invalid("feature reference '" + ref + "' is not of the form 'feature_view:feature'");
      }
      String viewName = ref.substring(0, colon);
      String featureName = ref.substring(colon + 1);
      ViewInfo view = view(index, viewName);
      if (!view.featuresByName().containsKey(featureName)) {
        throw new FeatureStoreException(ErrorCode.FEATURE_NOT_FOUND,
            "feature '" + featureName + "' does not exist in feature view '" + viewName + "'");
      }
      int selection = selectionByView.computeIfAbsent(viewName, name -> {
        views.add(view);
        features.add(new ArrayList<>());
        return views.size() - 1;
      });
      List<String> selected = features.get(selection);
      int position = selected.indexOf(featureName);
      if (position < 0) {
        selected.add(featureName);
        position = selected.size() - 1;
      }
      refPositions.add(new int[] {selection, position});
    }
    List<ViewSelection> selections = new ArrayList<>();
    for (int i = 0; i < views.size(); i++) {
      selections.add(new ViewSelection(views.get(i), views.get(i).name(), features.get(i), Map.of()));
    }
    List<OutputColumn> columns = new ArrayList<>();
    for (int[] at : refPositions) {
      ViewSelection selection = selections.get(at[0]);
      columns.add(new OutputColumn(name(selection, at[1], fullNames), at[0], at[1]));
    }
    checkUnique(columns, fullNames);
    return new ResolvedFeatures(selections, columns);
  }

  public static ResolvedFeatures resolveService(RegistryIndex index, String serviceName, boolean fullNames) {
    FeatureService service = index.featureService(serviceName).orElseThrow(() ->
        new FeatureStoreException(ErrorCode.FEATURE_SERVICE_NOT_FOUND,
            "feature service '" + serviceName + "' does not exist in project '" + index.project() + "'"));
    List<ViewSelection> selections = new ArrayList<>();
    List<OutputColumn> columns = new ArrayList<>();
    for (FeatureViewProjection projection : service.features()) {
      ViewInfo view = view(index, projection.featureViewName());
      List<String> names = new ArrayList<>();
      List<Field> fields = projection.features().isEmpty() ? view.view().features() : projection.features();
      for (Field field : fields) {
        if (!view.featuresByName().containsKey(field.name())) {
          throw new FeatureStoreException(ErrorCode.FEATURE_NOT_FOUND, "feature '" + field.name()
              + "' of feature service '" + serviceName + "' does not exist in feature view '" + view.name() + "'");
        }
        names.add(field.name());
      }
      ViewSelection selection = new ViewSelection(view, projection.nameToUse(), names, projection.joinKeyMap());
      selections.add(selection);
      for (int i = 0; i < names.size(); i++) {
        columns.add(new OutputColumn(name(selection, i, fullNames), selections.size() - 1, i));
      }
    }
    if (columns.isEmpty()) {
      throw invalid("feature service '" + serviceName + "' selects no features");
    }
    checkUnique(columns, fullNames);
    return new ResolvedFeatures(selections, columns);
  }

  private static ViewInfo view(RegistryIndex index, String viewName) {
    if (viewName.contains("@")) {
      throw invalid("versioned feature reference '" + viewName
          + "' is not supported: online feature view versioning is not enabled on this server");
    }
    return index.view(viewName).orElseThrow(() -> index.isOnDemandView(viewName)
        ? invalid("on-demand feature view '" + viewName
            + "' cannot be served: its transformation is Python code, which this server does not run")
        : new FeatureStoreException(ErrorCode.FEATURE_VIEW_NOT_FOUND,
            "feature view '" + viewName + "' does not exist in project '" + index.project() + "'"));
  }

  private static String name(ViewSelection selection, int position, boolean fullNames) {
    String feature = selection.features().get(position);
    return fullNames ? selection.prefix() + "__" + feature : feature;
  }

  private static void checkUnique(List<OutputColumn> columns, boolean fullNames) {
    Set<String> seen = new HashSet<>();
    for (OutputColumn column : columns) {
      if (!seen.add(column.name())) {
        throw invalid("feature '" + column.name() + "' is requested twice"
            + (fullNames ? "" : "; set full_feature_names to tell features of different views apart"));
      }
    }
  }

  static FeatureStoreException invalid(String message) {
    return new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
