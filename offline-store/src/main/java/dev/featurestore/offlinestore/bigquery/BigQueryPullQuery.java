package dev.featurestore.offlinestore.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.StandardSQLTypeName;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.OfflineTypes;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.offline.SourceColumns;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checked Standard SQL of one pull from a {@code BigQuerySource}, the counterpart of Feast's
 * {@code BigQueryOfflineStore.pull_latest_from_table_or_query}: the window as {@code BETWEEN
 * @start AND @end} (both ends inclusive; TIMESTAMP query parameters, converted with {@code
 * DATETIME()} or {@code DATE()} in UTC when the column has that type, so the column itself is
 * compared and partitions are pruned), Feast's {@code date_partition_column} filter, and the
 * latest row per join-key tuple picked with {@code QUALIFY ROW_NUMBER()} (event time, then created
 * time, both descending; BigQuery sorts nulls last when descending). Result columns: the join
 * keys, the features, the event time and the created time, in that order.
 */
final class BigQueryPullQuery {

  private final SourceColumns columns;
  private final List<Field> resultFields;
  private final String sql;
  private final Map<String, QueryParameterValue> parameters;

  private BigQueryPullQuery(SourceColumns columns, List<Field> resultFields, String sql,
      Map<String, QueryParameterValue> parameters) {
    this.columns = columns;
    this.resultFields = List.copyOf(resultFields);
    this.sql = sql;
    this.parameters = parameters;
  }

  /**
   * Checks the request against the source's schema and builds the query.
   *
   * @param schema the source's top-level fields by name; BigQuery names are case-insensitive, so
   *     pass a case-insensitive map
   */
  static BigQueryPullQuery plan(
      PullLatestRequest request, SourceColumns columns, Map<String, Field> schema) {
    String view = request.view().name();
    DataSource source = columns.source();
    for (String column : columns.allSourceColumns()) {
      if (!schema.containsKey(column)) {
        throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
            "feature view '" + view + "': column '" + column + "' is not in source '"
                + source.name() + "' (" + fromClause(source) + "); its columns are "
                + String.join(", ", schema.keySet()));
      }
    }
    List<Field> result = new ArrayList<>();
    List<String> select = new ArrayList<>();
    for (SourceColumns.Column key : columns.joinKeys()) {
      check(view, "join key", key, source, schema);
      select.add(identifier(key.sourceName()));
      result.add(schema.get(key.sourceName()));
    }
    for (SourceColumns.Column feature : columns.features()) {
      check(view, "feature", feature, source, schema);
      select.add(identifier(feature.sourceName()));
      result.add(schema.get(feature.sourceName()));
    }
    Field eventField = checkTime(view, "timestamp_field", columns.timestampColumn(), source, schema);
    String eventTime = identifier(columns.timestampColumn());
    select.add(eventTime);
    result.add(eventField);
    String order = eventTime + " DESC";
    if (columns.createdColumn().isPresent()) {
      String created = columns.createdColumn().get();
      result.add(checkTime(view, "created_timestamp_column", created, source, schema));
      select.add(identifier(created));
      order += ", " + identifier(created) + " DESC";
    }
    StringBuilder sql = new StringBuilder()
        .append("SELECT ").append(String.join(", ", select))
        .append(" FROM ").append(fromClause(source))
        .append(" WHERE ").append(eventTime).append(" BETWEEN ")
        .append(bound("@start", eventField)).append(" AND ").append(bound("@end", eventField));
    if (!source.datePartitionColumn().isEmpty()) {
      // As Feast: day strings, which BigQuery coerces to the partition column's DATE type.
      sql.append(" AND ").append(identifier(source.datePartitionColumn())).append(" >= '")
          .append(day(request.start())).append("' AND ")
          .append(identifier(source.datePartitionColumn())).append(" <= '")
          .append(day(request.end())).append("'");
    }
    String partition = columns.joinKeys().isEmpty() ? "" : "PARTITION BY " + String.join(", ",
        columns.joinKeys().stream().map(k -> identifier(k.sourceName())).toList()) + " ";
    sql.append(" QUALIFY ROW_NUMBER() OVER (").append(partition).append("ORDER BY ").append(order)
        .append(") = 1");
    Map<String, QueryParameterValue> parameters = new LinkedHashMap<>();
    parameters.put("start", timestamp(request.start()));
    parameters.put("end", timestamp(request.end()));
    return new BigQueryPullQuery(columns, result, sql.toString(), parameters);
  }

  /**
   * The source as a FROM item, as Feast's {@code BigQuerySource.get_table_query_string}: the query
   * in parentheses when there is one, else the table in backquotes.
   */
  static String fromClause(DataSource source) {
    BigQuerySourceLocation options = BigQuerySourceLocation.of(source);
    if (!options.query().isBlank()) {
      return "(" + options.query() + ")";
    }
    return "`" + options.table().replace("`", "") + "`";
  }

  SourceColumns columns() {
    return columns;
  }

  /** The schema field of each result column, in result order. */
  List<Field> resultFields() {
    return resultFields;
  }

  String sql() {
    return sql;
  }

  Map<String, QueryParameterValue> parameters() {
    return parameters;
  }

  private static void check(String view, String role, SourceColumns.Column column,
      DataSource source, Map<String, Field> schema) {
    Field field = schema.get(column.sourceName());
    ValueType columnType = BigQueryTypes.valueType(field);
    ValueType declared = column.field().dtype().valueType();
    // BigQuery has no 32-bit integer: INT64 feeds Int32 fields, each value checked for range.
    if (declared == ValueType.INT32 && columnType == ValueType.INT64) {
      columnType = ValueType.INT32;
    } else if (declared == ValueType.INT32_LIST && columnType == ValueType.INT64_LIST) {
      columnType = ValueType.INT32_LIST;
    }
    OfflineTypes.check(view, role, column.field(), column, source.name(), columnType,
        BigQueryTypes.describe(field));
  }

  private static Field checkTime(String view, String role, String column, DataSource source,
      Map<String, Field> schema) {
    Field field = schema.get(column);
    StandardSQLTypeName type = BigQueryTypes.standard(field);
    boolean time = type == StandardSQLTypeName.TIMESTAMP || type == StandardSQLTypeName.DATETIME
        || type == StandardSQLTypeName.DATE;
    if (!time || field.getMode() == Field.Mode.REPEATED) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
          "feature view '" + view + "': the " + role + " '" + column + "' of source '"
              + source.name() + "' has type " + BigQueryTypes.describe(field)
              + "; it must be a TIMESTAMP, DATETIME or DATE");
    }
    return field;
  }

  private static String bound(String parameter, Field column) {
    return switch (BigQueryTypes.standard(column)) {
      case DATETIME -> "DATETIME(" + parameter + ", 'UTC')";
      case DATE -> "DATE(" + parameter + ", 'UTC')";
      default -> parameter;
    };
  }

  private static QueryParameterValue timestamp(Instant instant) {
    return QueryParameterValue.timestamp(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
  }

  private static String day(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }

  /** Column names go in backquotes, as Feast's {@code _escape_query_columns} writes them. */
  static String identifier(String name) {
    return "`" + name.replace("`", "\\`") + "`";
  }
}
