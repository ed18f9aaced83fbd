package dev.featurestore.offlinestore.postgres;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.EntityKeyPredicate;
import dev.featurestore.core.offline.OfflineTypes;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.offline.SourceColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checked SQL of one pull from a {@code PostgreSQLSource}, the counterpart of Feast's {@code
 * PostgreSQLOfflineStore.pull_latest_from_table_or_query}: the window filter ({@code BETWEEN}, both
 * ends inclusive, bound as two {@code timestamptz} parameters) and the latest row per join-key
 * tuple, picked inside PostgreSQL with {@code DISTINCT ON} (event time, then created time, both
 * descending, nulls last). Result columns: the join keys, the features, the event time and the
 * created time, time columns cast to {@code timestamptz}.
 */
final class PostgresPullQuery {

  private final SourceColumns columns;
  private final Map<String, String> types;
  private final String sql;

  private PostgresPullQuery(SourceColumns columns, Map<String, String> types, String sql) {
    this.columns = columns;
    this.types = types;
    this.sql = sql;
  }

  /**
   * Checks the request against the source's column types and builds the query.
   *
   * @param types source column name to PostgreSQL type name, in table order
   */
  static PostgresPullQuery plan(
      PullLatestRequest request, SourceColumns columns, Map<String, String> types) {
    String view = request.view().name();
    DataSource source = columns.source();
    for (String column : columns.allSourceColumns()) {
      if (!types.containsKey(column)) {
        throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
            "feature view '" + view + "': column '" + column + "' is not in source '"
                + source.name() + "' (" + fromClause(source) + "); its columns are "
                + String.join(", ", types.keySet()));
      }
    }
    checkTime(view, "timestamp_field", columns.timestampColumn(), source, types);
    columns.createdColumn()
        .ifPresent(c -> checkTime(view, "created_timestamp_column", c, source, types));
    List<String> select = new ArrayList<>();
    for (SourceColumns.Column key : columns.joinKeys()) {
      check(view, "join key", key, source, types);
      select.add(valueExpression(key.sourceName(), types));
    }
    for (SourceColumns.Column feature : columns.features()) {
      check(view, "feature", feature, source, types);
      select.add(valueExpression(feature.sourceName(), types));
    }
    String eventTime = "a." + PostgresSql.identifier(columns.timestampColumn());
    select.add("CAST(" + eventTime + " AS timestamptz)");
    String order = eventTime + " DESC NULLS LAST";
    if (columns.createdColumn().isPresent()) {
      String created = "a." + PostgresSql.identifier(columns.createdColumn().get());
      select.add("CAST(" + created + " AS timestamptz)");
      order += ", " + created + " DESC NULLS LAST";
    }
    List<String> keys =
        columns.joinKeys().stream().map(k -> "a." + PostgresSql.identifier(k.sourceName())).toList();
    String restriction = EntityKeyPredicate.of(columns, request.entityKeys(),
        name -> "a." + PostgresSql.identifier(name)).map(p -> " AND " + p).orElse("");
    String sql = keys.isEmpty()
        ? "SELECT " + String.join(", ", select) + " FROM " + fromClause(source) + " AS a"
            + " WHERE " + eventTime + " BETWEEN ? AND ?"
            + " ORDER BY " + order + " LIMIT 1"
        : "SELECT DISTINCT ON (" + String.join(", ", keys) + ") " + String.join(", ", select)
            + " FROM " + fromClause(source) + " AS a"
            + " WHERE " + eventTime + " BETWEEN ? AND ?" + restriction
            + " ORDER BY " + String.join(", ", keys) + ", " + order;
    return new PostgresPullQuery(columns, types, sql);
  }

  /**
   * The source as a FROM item: the table as written (it may name a schema), else the query in
   * parentheses, as Feast's {@code PostgreSQLSource.get_table_query_string}.
   */
  static String fromClause(DataSource source) {
    if (!(source.options() instanceof DataSource.PostgresOptions options)) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
          "source '" + source.name() + "' is a " + source.kindName()
              + "; the postgres offline store reads PostgreSQLSources only");
    }
    if (!options.table().isBlank()) {
      return options.table();
    }
    if (!options.query().isBlank()) {
      return "(" + options.query() + ")";
    }
    throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
        "PostgreSQLSource '" + source.name() + "' has neither a table nor a query");
  }

  SourceColumns columns() {
    return columns;
  }

  /** The PostgreSQL type name of a source column. */
  String type(String sourceColumn) {
    return types.get(sourceColumn);
  }

  String sql() {
    return sql;
  }

  private static void check(String view, String role, SourceColumns.Column column,
      DataSource source, Map<String, String> types) {
    String type = types.get(column.sourceName());
    OfflineTypes.check(view, role, column.field(), column, source.name(),
        PostgresTypes.valueType(type), type);
  }

  private static void checkTime(
      String view, String role, String column, DataSource source, Map<String, String> types) {
    if (!PostgresTypes.isTime(types.get(column))) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
          "feature view '" + view + "': the " + role + " '" + column + "' of source '"
              + source.name() + "' has type " + types.get(column)
              + "; it must be a timestamp, timestamptz or date");
    }
  }

  /** Time columns are read as timestamptz so that the session zone (UTC) applies; others as is. */
  private static String valueExpression(String column, Map<String, String> types) {
    String name = "a." + PostgresSql.identifier(column);
    String type = types.get(column);
    if (PostgresTypes.isTime(type)) {
      return "CAST(" + name + " AS timestamptz)";
    }
    if (PostgresTypes.valueType(type) == ValueType.UNIX_TIMESTAMP_LIST) {
      return "CAST(" + name + " AS timestamptz[])";
    }
    return name;
  }
}
