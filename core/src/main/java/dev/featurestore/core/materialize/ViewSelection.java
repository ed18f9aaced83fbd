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
 * online, disabled, on-demand, stream feature views) are skipped with a note.
 */
final class ViewSelection {

  private ViewSelection() {}

  static List<MaterializationTarget> select(
      RegistryState state, List<String> names, BiConsumer<String, String> skipped) {
    String project = state.project();
    RepoContents contents = RegistryProtoMapper.fromRegistry(project, state.objects());
    List<MaterializationTarget> targets = new ArrayList<>();
    if (names.isEmpty()) {
      List<RegistryObject> views = new ArrayList<>(state.objects(RegistryObjectKind.FEATURE_VIEW));
      views.sort(java.util.Comparator.comparing(RegistryObject::name));
      for (RegistryObject object : views) {
        FeatureViewProto.FeatureView proto = asFeatureView(object);
        if (proto.getSpec().getOnline() && !proto.getSpec().getDisabled()) {
          targets.add(target(contents, proto));
        }
      }
      return targets;
    }
    for (String name : names) {
      Optional<RegistryObject> view = state.find(RegistryObjectKind.FEATURE_VIEW, name);
      if (view.isPresent()) {
        FeatureViewProto.FeatureView proto = asFeatureView(view.get());
        if (proto.getSpec().getDisabled()) {
          skipped.accept(name, "it is disabled");
        } else if (!proto.getSpec().getOnline()) {
          skipped.accept(name, "it is not configured to be served online (online=False)");
        } else if (targets.stream().noneMatch(t -> t.view().name().equals(name))) {
          targets.add(target(contents, proto));
        }
      } else if (state.find(RegistryObjectKind.ON_DEMAND_FEATURE_VIEW, name).isPresent()) {
        skipped.accept(name, "on-demand feature views are computed at request time");
      } else if (state.find(RegistryObjectKind.STREAM_FEATURE_VIEW, name).isPresent()) {
        skipped.accept(name, "stream feature views are not materialized from the offline store yet");
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

  private static MaterializationTarget target(
      RepoContents contents, FeatureViewProto.FeatureView proto) {
    FeatureView view = RegistryProtoMapper.fromProto(proto);
    return new MaterializationTarget(
        view, ViewJoinKeys.of(contents, view), MaterializationIntervals.mostRecentEnd(proto));
  }

  private static FeatureViewProto.FeatureView asFeatureView(RegistryObject object) {
    if (object.proto() instanceof FeatureViewProto.FeatureView view) {
      return view;
    }
    try {
      return FeatureViewProto.FeatureView.parseFrom(object.proto().toByteString());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new FeatureStoreException(
          ErrorCode.CORRUPT_REGISTRY, "feature view " + object.name() + " does not parse", e);
    }
  }
}
