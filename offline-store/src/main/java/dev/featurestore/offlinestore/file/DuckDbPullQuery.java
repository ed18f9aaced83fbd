package dev.featurestore.offlinestore.file;

import static dev.featurestore.offlinestore.file.DuckDbSql.identifier;
import static dev.featurestore.offlinestore.file.DuckDbSql.literal;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.EntityKeyPredicate;
import dev.featurestore.core.offline.OfflineTypes;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.offline.SourceColumns;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checked SQL of one pull: every column present with a usable type, the window filter, and the
 * latest row per join-key tuple picked by DuckDB's {@code QUALIFY row_number()} (event time, then
 * created time, both descending), so Java only ever sees the rows it writes. Result columns: the
 * join keys, the features, then the event and created times as epoch microseconds.
 */
final class DuckDbPullQuery {

  private final SourceColumns columns;
  private final String sql;

  private DuckDbPullQuery(SourceColumns columns, String sql) {
    this.columns = columns;
    this.sql = sql;
  }

  /**
   * Checks {@code request} against the source's DuckDB column types and builds the query.
   *
   * @param types source column name to DuckDB type name, as DESCRIBE reports them
   */
  static DuckDbPullQuery plan(
      PullLatestRequest request,
      SourceColumns columns,
      ParquetLocation location,
      Map<String, String> types) {
    String view = request.view().name();
    for (String column : columns.allSourceColumns()) {
      if (!types.containsKey(column)) {
        throw new FeatureStoreException(
            ErrorCode.INVALID_DEFINITION,
            "feature view '" + view + "': column '" + column + "' is not in source '"
                + location.sourceName() + "' (" + location.shown() + "); its columns are "
                + String.join(", ", types.keySet()));
      }
    }
    checkTime(view, "timestamp_field", columns.timestampColumn(), location, types);
    columns.createdColumn()
        .ifPresent(c -> checkTime(view, "created_timestamp_column", c, location, types));
    List<String> select = new ArrayList<>();
    for (SourceColumns.Column key : columns.joinKeys()) {
      check(view, "join key", key, location, types);
      select.add(valueExpression(key, types));
    }
    for (SourceColumns.Column feature : columns.features()) {
      check(view, "feature", feature, location, types);
      select.add(valueExpression(feature, types));
    }
    String eventTime = "CAST(" + identifier(columns.timestampColumn()) + " AS TIMESTAMPTZ)";
    select.add("epoch_us(" + eventTime + ")");
    String order = eventTime + " DESC NULLS LAST";
    if (columns.createdColumn().isPresent()) {
      String created = "CAST(" + identifier(columns.createdColumn().get()) + " AS TIMESTAMPTZ)";
      select.add("epoch_us(" + created + ")");
      order += ", " + created + " DESC NULLS LAST";
    }
    String partition =
        columns.joinKeys().isEmpty()
            ? ""
            : "PARTITION BY "
                + String.join(
                    ", ", columns.joinKeys().stream().map(k -> identifier(k.sourceName())).toList())
                + " ";
    String sql =
        "SELECT " + String.join(", ", select)
            + " FROM " + location.readExpression()
            + " WHERE " + eventTime + " BETWEEN " + timestamp(request.start())
            + " AND " + timestamp(request.end())
            + EntityKeyPredicate.of(columns, request.entityKeys(), DuckDbSql::identifier)
                .map(p -> " AND " + p).orElse("")
            + " QUALIFY row_number() OVER (" + partition + "ORDER BY " + order + ") = 1";
    return new DuckDbPullQuery(columns, sql);
  }

  SourceColumns columns() {
    return columns;
  }

  String sql() {
    return sql;
  }

  private static void check(
      String view, String role, SourceColumns.Column column, ParquetLocation location,
      Map<String, String> types) {
    String duckType = types.get(column.sourceName());
    OfflineTypes.check(
        view, role, column.field(), column, location.sourceName(),
        ParquetSchemaReader.valueType(duckType), duckType);
  }

  private static void checkTime(
      String view, String role, String column, ParquetLocation location, Map<String, String> types) {
    String type = types.get(column).toUpperCase(Locale.ROOT);
    if (!type.startsWith("TIMESTAMP") && !type.equals("DATE")) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_DEFINITION,
          "feature view '" + view + "': the " + role + " '" + column + "' of source '"
              + location.sourceName() + "' has type " + types.get(column)
              + "; it must be a timestamp or a date");
    }
  }

  /** Timestamps become epoch seconds in SQL; everything else is read as stored. */
  private static String valueExpression(SourceColumns.Column column, Map<String, String> types) {
    String name = identifier(column.sourceName());
    ValueType declared = column.field().dtype().valueType();
    boolean timeColumn = ParquetSchemaReader.valueType(types.get(column.sourceName()))
        != ValueType.INT64;
    if (declared == ValueType.UNIX_TIMESTAMP && timeColumn) {
      return epochSeconds(name);
    }
    if (declared == ValueType.UNIX_TIMESTAMP_LIST
        && ParquetSchemaReader.valueType(types.get(column.sourceName())) != ValueType.INT64_LIST) {
      return "list_transform(" + name + ", x -> " + epochSeconds("x") + ")";
    }
    return name;
  }

  private static String epochSeconds(String expression) {
    return "CAST(floor(epoch_us(CAST(" + expression + " AS TIMESTAMPTZ)) / 1000000) AS BIGINT)";
  }

  private static String timestamp(Instant instant) {
    return "TIMESTAMPTZ " + literal(instant.toString());
  }
}
