package dev.featurestore.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Feast's {@code FeatureView} (spec only; registry metadata such as materialized intervals lives
 * in the registry store).
 *
 * @param entities entity <em>names</em>, as Feast stores them; an entityless view has Feast's
 *     dummy entity {@code __dummy} (join key {@code __dummy_id})
 * @param features the feature columns (schema fields that are not entity columns)
 * @param entityColumns the schema fields that are join keys, typed
 * @param ttl zero means values never expire
 * @param streamSource the push, Kafka or CDC source, if the view's source is one
 * @param stream present when the view is a Feast {@code StreamFeatureView} (stored in the
 *     registry's {@code stream_feature_views}); serving treats both kinds alike
 */
public record FeatureView(
    String name,
    List<String> entities,
    List<Field> features,
    List<Field> entityColumns,
    Duration ttl,
    boolean online,
    boolean offline,
    DataSource batchSource,
    Optional<DataSource> streamSource,
    Metadata metadata,
    Optional<StreamViewSpec> stream) {

  public FeatureView {
    requireNonNull(name, "name is null");
    entities = List.copyOf(entities);
    features = List.copyOf(features);
    entityColumns = List.copyOf(entityColumns);
    ttl = ttl == null ? Duration.ZERO : ttl;
    requireNonNull(batchSource, "batchSource is null");
    requireNonNull(streamSource, "streamSource is null");
    metadata = metadata == null ? Metadata.EMPTY : metadata;
    stream = stream == null ? Optional.empty() : stream;
  }

  /** A plain {@code FeatureView}. */
  public FeatureView(
      String name,
      List<String> entities,
      List<Field> features,
      List<Field> entityColumns,
      Duration ttl,
      boolean online,
      boolean offline,
      DataSource batchSource,
      Optional<DataSource> streamSource,
      Metadata metadata) {
    this(
        name,
        entities,
        features,
        entityColumns,
        ttl,
        online,
        offline,
        batchSource,
        streamSource,
        metadata,
        Optional.empty());
  }

  /** Whether Feast would call this a {@code StreamFeatureView}. */
  public boolean isStreamFeatureView() {
    return stream.isPresent();
  }

  public Optional<Field> feature(String featureName) {
    return features.stream().filter(f -> f.name().equals(featureName)).findFirst();
  }
}
