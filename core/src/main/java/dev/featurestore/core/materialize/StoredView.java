package dev.featurestore.core.materialize;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryState;
import feast.proto.core.FeatureViewProto;
import feast.proto.core.FeatureViewProto.FeatureViewMeta;
import feast.proto.core.StreamFeatureViewProto;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A stored view batch materialization writes: a {@code FeatureView} or a {@code
 * StreamFeatureView} (Feast materializes both from their batch source). The two protos number
 * their spec fields differently but share {@link FeatureViewMeta}, where intervals are recorded.
 */
public record StoredView(RegistryObjectKind kind, String name, Message proto) {
  /** The kinds, in the order views are listed. */
  public static final List<RegistryObjectKind> KINDS =
      List.of(RegistryObjectKind.FEATURE_VIEW, RegistryObjectKind.STREAM_FEATURE_VIEW);

  public StoredView {
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    requireNonNull(proto, "proto is null");
  }

  /** Every stored view of both kinds, by name. */
  public static List<StoredView> all(RegistryState state) {
    List<StoredView> views = new ArrayList<>();
    for (RegistryObjectKind kind : KINDS) {
      state.objects(kind).forEach(object -> views.add(of(object)));
    }
    views.sort(Comparator.comparing(StoredView::name));
    return views;
  }

  public static Optional<StoredView> find(RegistryState state, String name) {
    for (RegistryObjectKind kind : KINDS) {
      Optional<RegistryObject> object = state.find(kind, name);
      if (object.isPresent()) {
        return Optional.of(of(object.get()));
      }
    }
    return Optional.empty();
  }

  /** Parses the stored object as its kind's proto. */
  public static StoredView of(RegistryObject object) {
    try {
      Message proto =
          switch (object.kind()) {
            case FEATURE_VIEW ->
                object.proto() instanceof FeatureViewProto.FeatureView view
                    ? view
                    : FeatureViewProto.FeatureView.parseFrom(object.proto().toByteString());
            case STREAM_FEATURE_VIEW ->
                object.proto() instanceof StreamFeatureViewProto.StreamFeatureView view
                    ? view
                    : StreamFeatureViewProto.StreamFeatureView.parseFrom(object.proto().toByteString());
            default -> throw new IllegalArgumentException(object.kind() + " is not a materializable view");
          };
      return new StoredView(object.kind(), object.name(), proto);
    } catch (InvalidProtocolBufferException e) {
      throw new FeatureStoreException(
          ErrorCode.CORRUPT_REGISTRY, "feature view " + object.name() + " does not parse", e);
    }
  }

  public boolean online() {
    return proto instanceof FeatureViewProto.FeatureView view
        ? view.getSpec().getOnline()
        : ((StreamFeatureViewProto.StreamFeatureView) proto).getSpec().getOnline();
  }

  public boolean disabled() {
    return proto instanceof FeatureViewProto.FeatureView view
        ? view.getSpec().getDisabled()
        : ((StreamFeatureViewProto.StreamFeatureView) proto).getSpec().getDisabled();
  }

  public FeatureViewMeta meta() {
    return proto instanceof FeatureViewProto.FeatureView view
        ? view.getMeta()
        : ((StreamFeatureViewProto.StreamFeatureView) proto).getMeta();
  }

  /** The same view with another meta (e.g. one more materialized interval). */
  public Message withMeta(FeatureViewMeta meta) {
    return proto instanceof FeatureViewProto.FeatureView view
        ? view.toBuilder().setMeta(meta).build()
        : ((StreamFeatureViewProto.StreamFeatureView) proto).toBuilder().setMeta(meta).build();
  }
}
