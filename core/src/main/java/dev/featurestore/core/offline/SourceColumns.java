package dev.featurestore.core.offline;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The source columns a pull reads, with the source's {@code field_mapping} run backwards as
 * Feast's {@code utils._get_column_names} does: the mapping goes from source column to feature
 * name, so each join key, feature and timestamp column is looked up under its source name.
 * Features that share a name with a join key or a timestamp column are left out, as in Feast.
 *
 * @param source the batch source rows are read from (a push source's batch source)
 * @param timestampColumn the source column of the event time
 * @param createdColumn the source column of the created time, if the source has one
 */
public record SourceColumns(
    DataSource source,
    List<Column> joinKeys,
    List<Column> features,
    String timestampColumn,
    Optional<String> createdColumn) {

  /** Feast's key of an entityless view's rows: {@code __dummy_id}, a String, value "". */
  public static final String DUMMY_JOIN_KEY = "__dummy_id";

  /** One column to read: its name in the source, and the field (name, dtype) it feeds. */
  public record Column(String sourceName, Field field) {
    public Column {
      requireNonNull(sourceName, "sourceName is null");
      requireNonNull(field, "field is null");
    }
  }

  public SourceColumns {
    requireNonNull(source, "source is null");
    joinKeys = List.copyOf(joinKeys);
    features = List.copyOf(features);
    requireNonNull(timestampColumn, "timestampColumn is null");
    requireNonNull(createdColumn, "createdColumn is null");
  }

  /** Maps a request onto its source. Throws INVALID_DEFINITION if the source has no timestamp. */
  public static SourceColumns of(PullLatestRequest request) {
    FeatureView view = request.view();
    DataSource source = batchSource(view);
    Map<String, String> reverse = new HashMap<>();
    source.fieldMapping().forEach((column, name) -> reverse.put(name, column));
    if (source.timestampField().isEmpty()) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_DEFINITION,
          "source '" + source.name() + "' of feature view '" + view.name()
              + "' has no timestamp_field, which materialization needs");
    }
    String timestamp = reverse.getOrDefault(source.timestampField(), source.timestampField());
    Optional<String> created =
        source.createdTimestampColumn().isEmpty()
            ? Optional.empty()
            : Optional.of(
                reverse.getOrDefault(
                    source.createdTimestampColumn(), source.createdTimestampColumn()));
    List<Column> joinKeys = new ArrayList<>();
    for (Field key : request.joinKeys()) {
      joinKeys.add(new Column(reverse.getOrDefault(key.name(), key.name()), key));
    }
    Set<String> taken = new java.util.HashSet<>();
    joinKeys.forEach(c -> taken.add(c.sourceName()));
    taken.add(timestamp);
    created.ifPresent(taken::add);
    List<Column> features = new ArrayList<>();
    for (Field feature : view.features()) {
      String column = reverse.getOrDefault(feature.name(), feature.name());
      if (!taken.contains(column)) {
        features.add(new Column(column, feature));
      }
    }
    return new SourceColumns(source, joinKeys, features, timestamp, created);
  }

  /** The source rows are read from: the view's batch source, unwrapping a push or Kafka source. */
  public static DataSource batchSource(FeatureView view) {
    DataSource source = view.batchSource();
    return source.batchSource().orElse(source);
  }

  /** Every source column read, join keys first, then features, then the timestamps. */
  public List<String> allSourceColumns() {
    List<String> all = new ArrayList<>();
    joinKeys.forEach(c -> all.add(c.sourceName()));
    features.forEach(c -> all.add(c.sourceName()));
    all.add(timestampColumn);
    createdColumn.ifPresent(all::add);
    return all;
  }
}
