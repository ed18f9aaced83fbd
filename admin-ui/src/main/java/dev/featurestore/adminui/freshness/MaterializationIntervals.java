package dev.featurestore.adminui.freshness;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import feast.proto.core.FeatureViewProto;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The {@code meta.materialization_intervals} of a stored {@code feast.core.FeatureView}: where
 * Feast (and our materializer) records each time range copied to the online store. The model
 * records leave registry metadata out, so this reads the raw proto.
 */
final class MaterializationIntervals {

  record Interval(Instant start, Instant end) {}

  private MaterializationIntervals() {}

  static List<Interval> of(Message storedView) {
    return asFeatureView(storedView).getMeta().getMaterializationIntervalsList().stream()
        .map(i -> new Interval(instant(i.getStartTime()), instant(i.getEndTime())))
        .toList();
  }

  /** The interval that ends last. */
  static Optional<Interval> latest(List<Interval> intervals) {
    return intervals.stream().max(Comparator.comparing(Interval::end));
  }

  private static FeatureViewProto.FeatureView asFeatureView(Message proto) {
    if (proto instanceof FeatureViewProto.FeatureView view) {
      return view;
    }
    try {
      return FeatureViewProto.FeatureView.parseFrom(proto.toByteString());
    } catch (InvalidProtocolBufferException e) {
      throw new FeatureStoreException(ErrorCode.CORRUPT_REGISTRY, "stored feature view is not a feast.core.FeatureView", e);
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
