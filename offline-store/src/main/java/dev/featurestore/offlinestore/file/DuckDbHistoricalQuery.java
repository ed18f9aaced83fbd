package dev.featurestore.offlinestore.file;

import static dev.featurestore.offlinestore.file.DuckDbSql.identifier;
import static dev.featurestore.offlinestore.file.DuckDbSql.literal;
import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.offline.HistoricalFeatureView;
import dev.featurestore.core.offline.HistoricalRetrievalRequest;
import dev.featurestore.core.offline.SourceColumns;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checked SQL of a point-in-time join, the DuckDB form of Feast's {@code
 * point_in_time_join} ({@code ibis.py}) and {@code MULTIPLE_FEATURE_VIEW_POINT_IN_TIME_JOIN}
 * templates. Each view's source is reduced to one row per (join keys, event time), the greatest
 * created time winning, and joined with {@code ASOF LEFT JOIN}, which picks for each entity row the
 * latest source row at or before the entity's event time: rows after it can never be picked, so
 * no future value leaks in. A match older than {@code entity time - ttl} is turned into nulls.
 * Source rows outside {@code [min entity time - ttl, max entity time]} are filtered out first.
 */
final class DuckDbHistoricalQuery {
  private static final String ROW = "__fs_row";
  private static final String ENTITY_TS = "__fs_entity_ts";
  private static final String EVENT_TS = "__fs_event_ts";

  /** A requested view with its source as DESCRIBE reported it. */
  record ViewSource(HistoricalFeatureView view, ParquetLocation location, Map<String, String> types) {
    ViewSource {
      requireNonNull(view, "view is null");
      requireNonNull(location, "location is null");
      // Insertion order kept: messages list the columns as the file has them.
      types = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(types));
    }
  }

  /** The entity rows' event times, when there is at least one. */
  record TimeRange(Instant min, Instant max) {}

  private final String select;
  private final List<String> outputColumns;

  private DuckDbHistoricalQuery(String select, List<String> outputColumns) {
    this.select = select;
    this.outputColumns = outputColumns;
  }

  static DuckDbHistoricalQuery plan(
      HistoricalRetrievalRequest request,
      DuckDbEntityTable entities,
      List<ViewSource> sources,
      Optional<TimeRange> range) {
    List<String> outputColumns = new ArrayList<>(entities.columns().keySet());
    checkOutputNames(request, entities);
    outputColumns.addAll(request.featureColumns());
    String eventColumn = identifier(entities.eventTimestampColumn());
    StringBuilder from = new StringBuilder(
        "(SELECT rowid AS " + ROW + ", CAST(" + eventColumn + " AS TIMESTAMPTZ) AS " + ENTITY_TS
            + ", * FROM " + DuckDbEntityTable.TABLE + ") e");
    List<String> featureSelects = new ArrayList<>();
    for (int v = 0; v < sources.size(); v++) {
      ViewSource source = sources.get(v);
      String alias = "f" + v;
      SourceMapping mapping = SourceMapping.of(source);
      List<String> on = new ArrayList<>();
      for (int k = 0; k < mapping.keyColumns().size(); k++) {
        String joinKey = source.view().joinKeys().get(k);
        String entityColumn = source.view().entityColumn(joinKey);
        if (!entities.hasColumn(entityColumn)) {
          throw new FeatureStoreException(
              ErrorCode.INVALID_ARGUMENT,
              "the entity rows have no column " + entityColumn + ", the join key of feature view "
                  + source.view().view().name() + " (their columns are "
                  + String.join(", ", entities.columns().keySet()) + ")");
        }
        on.add(entityKey(entities, entityColumn, source.types().get(mapping.keyColumns().get(k)))
            + " = " + alias + "." + identifier("__fs_k" + k));
      }
      on.add("e." + ENTITY_TS + " >= " + alias + "." + EVENT_TS);
      from.append(" ASOF LEFT JOIN (").append(sourceQuery(source, mapping, range)).append(") ")
          .append(alias).append(" ON ").append(String.join(" AND ", on));
      Duration ttl = source.view().view().ttl();
      for (int c = 0; c < mapping.featureColumns().size(); c++) {
        String value = alias + "." + identifier("__fs_c" + c);
        if (!ttl.isZero()) {
          value = "CASE WHEN " + alias + "." + EVENT_TS + " >= e." + ENTITY_TS + " - INTERVAL ("
              + micros(ttl) + ") MICROSECOND THEN " + value + " END";
        }
        String feature = source.view().features().get(c);
        featureSelects.add(
            value + " AS " + identifier(source.view().outputColumn(feature, request.fullFeatureNames())));
      }
    }
    String entityColumns = "e.* EXCLUDE (" + ROW + ", " + ENTITY_TS + ") REPLACE (e." + ENTITY_TS
        + " AS " + eventColumn + ")";
    String select = "SELECT " + entityColumns + ", " + String.join(", ", featureSelects)
        + " FROM " + from + " ORDER BY e." + ROW;
    return new DuckDbHistoricalQuery(select, List.copyOf(outputColumns));
  }

  /** The statement writing the result to a Parquet file. */
  String copyTo(String path) {
    return "COPY (" + select + ") TO " + literal(path) + " (FORMAT parquet)";
  }

  List<String> outputColumns() {
    return outputColumns;
  }

  private static void checkOutputNames(
      HistoricalRetrievalRequest request, DuckDbEntityTable entities) {
    for (String column : request.featureColumns()) {
      if (entities.hasColumn(column)) {
        throw new FeatureStoreException(
            ErrorCode.INVALID_ARGUMENT,
            "the entity rows already have a column " + column + ", which would also name a"
                + " feature column; rename the entity column"
                + (request.fullFeatureNames() ? "" : " or use full feature names"));
      }
    }
  }

  /** The entity column, cast to the source key's type when the two differ. */
  private static String entityKey(DuckDbEntityTable entities, String column, String sourceType) {
    String qualified = "e." + identifier(column);
    return entities.type(column).equalsIgnoreCase(sourceType)
        ? qualified
        : "CAST(" + qualified + " AS " + sourceType + ")";
  }

  private static String sourceQuery(
      ViewSource source, SourceMapping mapping, Optional<TimeRange> range) {
    String eventTime = "CAST(" + identifier(mapping.timestampColumn()) + " AS TIMESTAMPTZ)";
    List<String> select = new ArrayList<>();
    for (int k = 0; k < mapping.keyColumns().size(); k++) {
      select.add(identifier(mapping.keyColumns().get(k)) + " AS " + identifier("__fs_k" + k));
    }
    select.add(eventTime + " AS " + EVENT_TS);
    for (int c = 0; c < mapping.featureColumns().size(); c++) {
      select.add(identifier(mapping.featureColumns().get(c)) + " AS " + identifier("__fs_c" + c));
    }
    StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select))
        .append(" FROM ").append(source.location().readExpression())
        .append(" WHERE ").append(eventTime).append(" IS NOT NULL");
    if (range.isPresent()) {
      sql.append(" AND ").append(eventTime).append(" <= ").append(timestamp(range.get().max()));
      Duration ttl = source.view().view().ttl();
      if (!ttl.isZero()) {
        sql.append(" AND ").append(eventTime).append(" >= ")
            .append(timestamp(range.get().min().minus(ttl)));
      }
    }
    if (mapping.createdColumn().isPresent()) {
      // Ties on event time go to the latest created time; ASOF JOIN alone would pick any of them.
      List<String> partition = new ArrayList<>();
      mapping.keyColumns().forEach(k -> partition.add(identifier(k)));
      partition.add(eventTime);
      sql.append(" QUALIFY row_number() OVER (PARTITION BY ").append(String.join(", ", partition))
          .append(" ORDER BY CAST(").append(identifier(mapping.createdColumn().get()))
          .append(" AS TIMESTAMPTZ) DESC NULLS LAST) = 1");
    }
    return sql.toString();
  }

  private static long micros(Duration ttl) {
    return Math.multiplyExact(ttl.getSeconds(), 1_000_000L) + ttl.getNano() / 1_000;
  }

  private static String timestamp(Instant instant) {
    return "TIMESTAMPTZ " + literal(instant.toString());
  }

  /**
   * The source columns of one view with the {@code field_mapping} run backwards (the mapping goes
   * from source column to feature name), checked against the source's columns.
   */
  private record SourceMapping(
      List<String> keyColumns,
      List<String> featureColumns,
      String timestampColumn,
      Optional<String> createdColumn) {

    static SourceMapping of(ViewSource source) {
      HistoricalFeatureView request = source.view();
      String viewName = request.view().name();
      DataSource data = SourceColumns.batchSource(request.view());
      if (data.timestampField().isEmpty()) {
        throw new FeatureStoreException(
            ErrorCode.INVALID_DEFINITION,
            "source '" + data.name() + "' of feature view '" + viewName
                + "' has no timestamp_field, which historical retrieval needs");
      }
      Map<String, String> reverse = new HashMap<>();
      data.fieldMapping().forEach((column, name) -> reverse.put(name, column));
      List<String> keys =
          request.joinKeys().stream().map(k -> reverse.getOrDefault(k, k)).toList();
      List<String> features =
          request.features().stream().map(f -> reverse.getOrDefault(f, f)).toList();
      String timestamp = reverse.getOrDefault(data.timestampField(), data.timestampField());
      Optional<String> created = data.createdTimestampColumn().isEmpty()
          ? Optional.empty()
          : Optional.of(reverse.getOrDefault(
              data.createdTimestampColumn(), data.createdTimestampColumn()));
      Set<String> needed = new HashSet<>(keys);
      needed.addAll(features);
      needed.add(timestamp);
      created.ifPresent(needed::add);
      for (String column : needed) {
        if (!source.types().containsKey(column)) {
          throw new FeatureStoreException(
              ErrorCode.INVALID_DEFINITION,
              "feature view '" + viewName + "': column '" + column + "' is not in source '"
                  + source.location().sourceName() + "' (" + source.location().shown()
                  + "); its columns are " + String.join(", ", source.types().keySet()));
        }
      }
      checkTime(source, viewName, "timestamp_field", timestamp);
      created.ifPresent(c -> checkTime(source, viewName, "created_timestamp_column", c));
      return new SourceMapping(keys, features, timestamp, created);
    }

    private static void checkTime(ViewSource source, String view, String role, String column) {
      String type = source.types().get(column).toUpperCase(Locale.ROOT);
      if (!type.startsWith("TIMESTAMP") && !type.equals("DATE")) {
        throw new FeatureStoreException(
            ErrorCode.INVALID_DEFINITION,
            "feature view '" + view + "': the " + role + " '" + column + "' of source '"
                + source.location().sourceName() + "' has type " + source.types().get(column)
                + "; it must be a timestamp or a date");
      }
    }
  }
}
