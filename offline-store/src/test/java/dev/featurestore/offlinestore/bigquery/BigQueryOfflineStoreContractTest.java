package dev.featurestore.offlinestore.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.StandardSQLTypeName;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.offline.OfflineStore;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.offline.SourceColumns;
import dev.featurestore.core.online.OnlineWriteRow;
import dev.featurestore.testing.AbstractOfflineStoreContractTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract through Google's BigQuery client against {@link LocalBigQueryRestEndpoint}, which is
 * not BigQuery. What this checks for real: schemas read with tables.get, the type checks and
 * errors before any query, the SQL and parameters sent (asserted against the planned query, whose
 * text {@code BigQueryPullQueryTest} pins), the decoding of BigQuery's wire values into Feast
 * values, and paging. What it cannot check: that BigQuery picks the latest row per key in the
 * window; the rows answering each query come from {@link #latestRows}, a reference computation in
 * this test, so the window, tie-break and composite-key tests only confirm that the rows BigQuery
 * would return are read correctly.
 */
class BigQueryOfflineStoreContractTest extends AbstractOfflineStoreContractTest {

  static final String PROJECT = "test-project";
  static final String DATASET = "features";

  private static LocalBigQueryRestEndpoint endpoint;
  private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

  private record Loaded(List<Column> columns, List<List<Object>> rows) {}

  @BeforeAll
  static void startEndpoint() {
    endpoint = new LocalBigQueryRestEndpoint();
  }

  @AfterAll
  static void stopEndpoint() {
    endpoint.close();
  }

  @Override
  protected OfflineStore createStore() {
    return new BigQueryOfflineStore(BigQueryClients.create(new BigQueryOfflineStoreConfig(
        Optional.of(PROJECT), Optional.empty(), Optional.empty(), Optional.of(endpoint.url()))));
  }

  @Override
  protected Set<ColumnType> columnTypes() {
    // BigQuery has only 64-bit integers and floats.
    return EnumSet.complementOf(EnumSet.of(ColumnType.INT32, ColumnType.FLOAT32));
  }

  @Override
  protected DataSource.Options sourceOptions(String table) {
    return new DataSource.BigQueryOptions(PROJECT + "." + DATASET + "." + table, null);
  }

  @Override
  protected void load(String table, List<Column> columns, List<List<Object>> rows) {
    endpoint.table(PROJECT, DATASET, table, columns.stream()
        .map(c -> new LocalBigQueryRestEndpoint.Column(c.name(), type(c.type()))).toList());
    loaded.put(table, new Loaded(List.copyOf(columns), List.copyOf(rows)));
  }

  @Override
  protected List<OnlineWriteRow> pull(PullLatestRequest request) {
    expect(request);
    return super.pull(request);
  }

  @Override
  protected List<Integer> batchSizes(PullLatestRequest request) {
    expect(request);
    return super.batchSizes(request);
  }

  /** Makes the endpoint answer the query this request should send, and check that it does. */
  private void expect(PullLatestRequest request) {
    SourceColumns columns = SourceColumns.of(request);
    String tableName = ((DataSource.BigQueryOptions) columns.source().options()).table();
    Loaded table = loaded.get(tableName.substring(tableName.lastIndexOf('.') + 1));
    BigQueryPullQuery planned = BigQueryPullQuery.plan(request, columns, schema(table));
    LocalBigQueryRestEndpoint.Result answer = latestRows(request, columns, table);
    endpoint.onQuery(received -> {
      assertThat(received.sql()).isEqualTo(planned.sql());
      assertThat(received.useLegacySql()).isFalse();
      assertThat(received.parameters()).containsExactlyInAnyOrderEntriesOf(Map.of(
          "start", timestampParameter(request.start()),
          "end", timestampParameter(request.end())));
      return answer;
    });
  }

  /** The reference answer: per key tuple, the row with the greatest (event, created) in window. */
  private static LocalBigQueryRestEndpoint.Result latestRows(
      PullLatestRequest request, SourceColumns columns, Loaded table) {
    List<String> names = table.columns().stream().map(Column::name).toList();
    int ts = names.indexOf(columns.timestampColumn());
    int created = columns.createdColumn().map(names::indexOf).orElse(-1);
    Comparator<List<Object>> latest = Comparator.comparing((List<Object> r) -> (Instant) r.get(ts))
        .thenComparing(r -> created < 0 ? null : (Instant) r.get(created),
            Comparator.nullsFirst(Comparator.naturalOrder()));
    Map<List<Object>, List<Object>> byKey = new LinkedHashMap<>();
    for (List<Object> row : table.rows()) {
      Instant time = (Instant) row.get(ts);
      if (time.isBefore(request.start()) || time.isAfter(request.end())) {
        continue;
      }
      List<Object> key = columns.joinKeys().stream()
          .map(k -> row.get(names.indexOf(k.sourceName()))).toList();
      byKey.merge(key, row, (a, b) -> latest.compare(a, b) >= 0 ? a : b);
    }
    List<String> selected = columns.allSourceColumns();
    List<LocalBigQueryRestEndpoint.Column> schema = new ArrayList<>();
    for (String name : selected) {
      schema.add(new LocalBigQueryRestEndpoint.Column(name,
          type(table.columns().get(names.indexOf(name)).type())));
    }
    List<List<Object>> rows = new ArrayList<>();
    for (List<Object> row : byKey.values()) {
      rows.add(selected.stream().map(n -> row.get(names.indexOf(n))).toList());
    }
    return new LocalBigQueryRestEndpoint.Result(schema, rows);
  }

  private static Map<String, Field> schema(Loaded table) {
    Map<String, Field> schema = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Column column : table.columns()) {
      schema.put(column.name(), Field.of(column.name(), standard(column.type())));
    }
    return schema;
  }

  /** How the Java client sends a TIMESTAMP parameter's value. */
  private static String timestampParameter(Instant instant) {
    return com.google.cloud.bigquery.QueryParameterValue
        .timestamp(ChronoUnit.MICROS.between(Instant.EPOCH, instant)).getValue();
  }

  private static String type(ColumnType type) {
    return switch (type) {
      case STRING -> "STRING";
      case INT32, INT64 -> "INTEGER";
      case FLOAT32, FLOAT64 -> "FLOAT";
      case BOOL -> "BOOLEAN";
      case BYTES -> "BYTES";
      case TIMESTAMP -> "TIMESTAMP";
    };
  }

  private static StandardSQLTypeName standard(ColumnType type) {
    return switch (type) {
      case STRING -> StandardSQLTypeName.STRING;
      case INT32, INT64 -> StandardSQLTypeName.INT64;
      case FLOAT32, FLOAT64 -> StandardSQLTypeName.FLOAT64;
      case BOOL -> StandardSQLTypeName.BOOL;
      case BYTES -> StandardSQLTypeName.BYTES;
      case TIMESTAMP -> StandardSQLTypeName.TIMESTAMP;
    };
  }
}
