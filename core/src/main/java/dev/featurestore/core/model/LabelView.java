package dev.featurestore.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * Feast's {@code LabelView} (v0.64+): labels attached to entities, e.g. a fraud verdict.
 *
 * @param conflictPolicy "LAST_WRITE_WINS", "LABELER_PRIORITY" or "MAJORITY_VOTE"
 */
public record LabelView(
    String name,
    List<String> entities,
    List<Field> features,
    List<Field> entityColumns,
    Duration ttl,
    DataSource source,
    boolean online,
    String labelerField,
    String conflictPolicy,
    String referenceFeatureView,
    Metadata metadata) {
  public LabelView {
    requireNonNull(name, "name is null");
    entities = List.copyOf(entities);
    features = List.copyOf(features);
    entityColumns = List.copyOf(entityColumns);
    ttl = ttl == null ? Duration.ZERO : ttl;
    requireNonNull(source, "source is null");
    labelerField = labelerField == null ? "" : labelerField;
    conflictPolicy = conflictPolicy == null || conflictPolicy.isEmpty() ? "LAST_WRITE_WINS" : conflictPolicy;
    referenceFeatureView = referenceFeatureView == null ? "" : referenceFeatureView;
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }
}
