package dev.featurestore.adminui.freshness;

import dev.featurestore.adminui.freshness.MaterializationIntervals.Interval;
import dev.featurestore.adminui.web.ConsoleRegistry;
import dev.featurestore.adminui.web.ConsoleSettings;
import dev.featurestore.adminui.web.RegistrySnapshot;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Computes each feature view's freshness from the registry snapshot. */
@Component
public final class FreshnessReport {

  /** Orders of the freshness table. */
  public enum Sort {
    AGE(Comparator.comparingLong(FreshnessRow::stalenessSeconds).reversed()),
    NAME(Comparator.comparing(FreshnessRow::view)),
    TTL(Comparator.comparing(FreshnessRow::ttl).reversed()),
    STATUS(Comparator.comparing(FreshnessRow::status));

    private final Comparator<FreshnessRow> comparator;

    Sort(Comparator<FreshnessRow> comparator) {
      this.comparator = comparator.thenComparing(FreshnessRow::view);
    }

    public static Sort parse(String text) {
      for (Sort sort : values()) {
        if (sort.name().equalsIgnoreCase(text)) {
          return sort;
        }
      }
      return AGE;
    }
  }

  private final ConsoleRegistry registry;
  private final ConsoleSettings settings;

  FreshnessReport(ConsoleRegistry registry, ConsoleSettings settings) {
    this.registry = registry;
    this.settings = settings;
  }

  public Duration warningThreshold() {
    return settings.freshnessWarning();
  }

  /** Every feature view, stalest first unless {@code sort} says otherwise. */
  public List<FreshnessRow> rows(Sort sort) {
    RegistrySnapshot snapshot = registry.snapshot();
    Instant now = settings.clock().instant();
    List<FreshnessRow> rows = new ArrayList<>();
    for (RegistryObjectKind kind : List.of(RegistryObjectKind.FEATURE_VIEW, RegistryObjectKind.STREAM_FEATURE_VIEW)) {
      for (RegistryObject object : snapshot.state().objects(kind)) {
        snapshot.contents().featureView(object.name())
            .ifPresent(view -> rows.add(row(view, MaterializationIntervals.of(object.proto()), now)));
      }
    }
    rows.sort(sort.comparator);
    return rows;
  }

  private FreshnessRow row(FeatureView view, List<Interval> intervals, Instant now) {
    Optional<Interval> latest = MaterializationIntervals.latest(intervals);
    Optional<Duration> age = latest.map(i -> Duration.between(i.end(), now));
    return new FreshnessRow(
        view.name(),
        view.online(),
        view.ttl(),
        latest.map(Interval::start),
        latest.map(Interval::end),
        age,
        intervals.size(),
        view.streamSource().isPresent(),
        status(view, age));
  }

  private FreshnessStatus status(FeatureView view, Optional<Duration> age) {
    if (!view.online()) {
      return FreshnessStatus.OFFLINE_ONLY;
    }
    if (age.isEmpty()) {
      return FreshnessStatus.NEVER_MATERIALIZED;
    }
    if (!view.ttl().isZero() && age.get().compareTo(view.ttl()) > 0) {
      return FreshnessStatus.EXPIRED;
    }
    return age.get().compareTo(settings.freshnessWarning()) > 0 ? FreshnessStatus.STALE : FreshnessStatus.FRESH;
  }
}
