package dev.featurestore.core.materialize;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A view chosen for a run, with its typed join keys and the end of its last materialized interval.
 */
record MaterializationTarget(
    FeatureView view, List<Field> joinKeys, Optional<Instant> mostRecentEnd) {
  MaterializationTarget {
    requireNonNull(view, "view is null");
    joinKeys = List.copyOf(joinKeys);
    requireNonNull(mostRecentEnd, "mostRecentEnd is null");
  }
}
