package dev.featurestore.offlinestore.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.StandardSQLTypeName;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.offline.SourceColumns;
import dev.featurestore.core.proto.FeastTypeMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Golden SQL of BigQuery pulls. */
class BigQueryPullQueryTest {

  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("2024-01-02T00:00:00Z");
  private static final dev.featurestore.core.model.Field USER_ID =
      dev.featurestore.core.model.Field.of("user_id", FeastTypeMapper.primitive(ValueType.STRING));
  private static final dev.featurestore.core.model.Field SCORE =
      dev.featurestore.core.model.Field.of("score", FeastTypeMapper.primitive(ValueType.INT32));

  @Test
  void aTableSourceWithFieldMappingAndCreatedColumn() {
    DataSource source = new DataSource("scores_source", "event_timestamp", "created", "",
        Map.of("uid", "user_id", "score_raw", "score", "ts", "event_timestamp", "written", "created"),
        null, new DataSource.BigQueryOptions("proj.ds.scores", null));
    PullLatestRequest request = request(source, List.of(USER_ID));

    BigQueryPullQuery query = BigQueryPullQuery.plan(request, SourceColumns.of(request), schema(
        Field.of("uid", StandardSQLTypeName.STRING),
        Field.of("score_raw", StandardSQLTypeName.INT64),
        Field.of("TS", StandardSQLTypeName.TIMESTAMP),
        Field.of("written", StandardSQLTypeName.TIMESTAMP)));

    assertThat(query.sql()).isEqualTo(
        "SELECT `uid`, `score_raw`, `ts`, `written` FROM `proj.ds.scores`"
            + " WHERE `ts` BETWEEN @start AND @end"
            + " QUALIFY ROW_NUMBER() OVER (PARTITION BY `uid` ORDER BY `ts` DESC, `written` DESC)"
            + " = 1");
    assertThat(query.parameters().get("start").getValue()).startsWith("2024-01-01 00:00:00");
    assertThat(query.parameters().get("end").getValue()).startsWith("2024-01-02 00:00:00");
  }

  @Test
  void anEntitylessQuerySourceOnADatetimeColumnWithDatePartitions() {
    DataSource source = new DataSource("global_source", "event_timestamp", "", "dt", Map.of(),
        null, new DataSource.BigQueryOptions("ignored.when.query", "SELECT * FROM `p.d.t`"));
    PullLatestRequest request = request(source, List.of());

    BigQueryPullQuery query = BigQueryPullQuery.plan(request, SourceColumns.of(request), schema(
        Field.of("score", StandardSQLTypeName.INT64),
        Field.of("event_timestamp", StandardSQLTypeName.DATETIME),
        Field.of("dt", StandardSQLTypeName.DATE)));

    assertThat(query.sql()).isEqualTo(
        "SELECT `score`, `event_timestamp` FROM (SELECT * FROM `p.d.t`)"
            + " WHERE `event_timestamp` BETWEEN DATETIME(@start, 'UTC') AND DATETIME(@end, 'UTC')"
            + " AND `dt` >= '2024-01-01' AND `dt` <= '2024-01-02'"
            + " QUALIFY ROW_NUMBER() OVER (ORDER BY `event_timestamp` DESC) = 1");
  }

  @Test
  void aStringEventTimeIsRejected() {
    DataSource source = new DataSource("s", "event_timestamp", "", "", Map.of(), null,
        new DataSource.BigQueryOptions("p.d.t", null));
    PullLatestRequest request = request(source, List.of(USER_ID));

    assertThatThrownBy(() -> BigQueryPullQuery.plan(request, SourceColumns.of(request), schema(
            Field.of("user_id", StandardSQLTypeName.STRING),
            Field.of("score", StandardSQLTypeName.INT64),
            Field.of("event_timestamp", StandardSQLTypeName.STRING))))
        .hasMessageContaining("timestamp_field 'event_timestamp'")
        .satisfies(e -> assertThat(((FeatureStoreException) e).code())
            .isEqualTo(ErrorCode.INVALID_DEFINITION));
  }

  private static PullLatestRequest request(
      DataSource source, List<dev.featurestore.core.model.Field> keys) {
    FeatureView view = new FeatureView("scores", List.of("user"), List.of(SCORE), keys, null,
        true, false, source, Optional.empty(), null);
    return new PullLatestRequest(view, keys, START, END, 1000);
  }

  private static Map<String, Field> schema(Field... fields) {
    Map<String, Field> schema = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Field field : fields) {
      schema.put(field.getName(), field);
    }
    return schema;
  }
}
