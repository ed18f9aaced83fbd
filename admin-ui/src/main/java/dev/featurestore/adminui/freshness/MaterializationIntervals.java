package dev.featurestore.adminui.freshness;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import feast.proto.core.FeatureViewProto;
import feast.proto.core.StreamFeatureViewProto;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code meta.materialization_intervals} of a stored {@code feast.core.FeatureView} or {@code
 * StreamFeatureView}: where
 * Feast (and our materializer) records each time range copied to the online store. The model
 * records leave registry metadata out, so this reads the raw proto.
 */
final class MaterializationIntervals {

  record Interval(Instant start, Instant end) {}

  private MaterializationIntervals() {}

  static List<Interval> of(Message storedView) {
    return meta(storedView).getMaterializationIntervalsList().stream()
        .map(i -> new Interval(instant(i.getStartTime()), instant(i.getEndTime())))
        .toList();
  }

  /** The interval that ends last. */
  static Optional<Interval> latest(List<Interval> intervals) {
    return intervals.stream().max(Comparator.comparing(Interval::end));
  }

  /** A FeatureView's or StreamFeatureView's meta (both keep a FeatureViewMeta in field 2). */
  private static FeatureViewProto.FeatureViewMeta meta(Message proto) {
    if (proto instanceof FeatureViewProto.FeatureView view) {
      return view.getMeta();
    }
    if (proto instanceof StreamFeatureViewProto.StreamFeatureView view) {
      return view.getMeta();
    }
    try {
      boolean stream = proto.getDescriptorForType().getFullName().equals("feast.core.StreamFeatureView");
      return stream
          ? StreamFeatureViewProto.StreamFeatureView.parseFrom(proto.toByteString()).getMeta()
          : FeatureViewProto.FeatureView.parseFrom(proto.toByteString()).getMeta();
    } catch (InvalidProtocolBufferException e) {
      throw new FeatureStoreException(ErrorCode.CORRUPT_REGISTRY, "stored feature view is not a feast.core.FeatureView", e);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
