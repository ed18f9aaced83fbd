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
 * @param streamSource the push or Kafka source, if the view's source is one
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
    Metadata metadata) {

  public FeatureView {
    requireNonNull(name, "name is null");
    entities = List.copyOf(entities);
    features = List.copyOf(features);
    entityColumns = List.copyOf(entityColumns);
    ttl = ttl == null ? Duration.ZERO : ttl;
    requireNonNull(batchSource, "batchSource is null");
    requireNonNull(streamSource, "streamSource is null");
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }

  public Optional<Field> feature(String featureName) {
    return features.stream().filter(f -> f.name().equals(featureName)).findFirst();
  }
}
