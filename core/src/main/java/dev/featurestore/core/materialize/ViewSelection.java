package dev.featurestore.core.materialize;

import dev.featurestore.core.offline.ViewJoinKeys;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;

import dev.featurestore.core.model.FeatureView;

import dev.featurestore.core.model.RepoContents;

import dev.featurestore.core.proto.RegistryProtoMapper;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryState;
import feast.proto.core.FeatureViewProto;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Chooses the views a run materializes, as Feast's {@code _get_feature_views_to_materialize}: with
 * no names, every enabled online feature view (by name); with names, in the order given, each named view, where an unknown name
 * is FEATURE_VIEW_NOT_FOUND and a label view is an error. Views that cannot be materialized (not
 * online, disabled, on-demand) are skipped with a note; stream feature views are materialized
 * from their batch source as Feast does.
 */
final class ViewSelection {

  private ViewSelection() {}

  static List<MaterializationTarget> select(
      RegistryState state, List<String> names, BiConsumer<String, String> skipped) {
    String project = state.project();
    RepoContents contents = RegistryProtoMapper.fromRegistry(project, state.objects());
    List<MaterializationTarget> targets = new ArrayList<>();
    if (names.isEmpty()) {
      for (StoredView view : StoredView.all(state)) {
        if (view.online() && !view.disabled()) {
          targets.add(target(contents, view));
        }
      }
      return targets;
    }
    for (String name : names) {
      Optional<StoredView> view = StoredView.find(state, name);
      if (view.isPresent()) {
        if (view.get().disabled()) {
          skipped.accept(name, "it is disabled");
        } else if (!view.get().online()) {
          skipped.accept(name, "it is not configured to be served online (online=False)");
        } else if (targets.stream().noneMatch(t -> t.view().name().equals(name))) {
          targets.add(target(contents, view.get()));
        }
      } else if (state.find(RegistryObjectKind.ON_DEMAND_FEATURE_VIEW, name).isPresent()) {
        skipped.accept(name, "on-demand feature views are computed at request time");
      } else if (state.find(RegistryObjectKind.LABEL_VIEW, name).isPresent()) {
        throw new FeatureStoreException(
            ErrorCode.INVALID_ARGUMENT,
            "LabelView " + name + " cannot be materialized; labels are written with push");
      } else {
        throw new FeatureStoreException(
            ErrorCode.FEATURE_VIEW_NOT_FOUND,
            "Feature view " + name + " does not exist in project " + project);
      }
    }
    return targets;
  }

  /** A stream feature view is materialized like Feast does: its batch source's columns as they are. */
  private static MaterializationTarget target(RepoContents contents, StoredView stored) {
    FeatureView view =
        contents
            .featureView(stored.name())
            .orElseThrow(
                () ->
                    new FeatureStoreException(
                        ErrorCode.CORRUPT_REGISTRY,
                        "feature view " + stored.name() + " does not map to a view"));
    return new MaterializationTarget(
        view, ViewJoinKeys.of(contents, view), MaterializationIntervals.mostRecentEnd(stored.meta()));
  }
}
