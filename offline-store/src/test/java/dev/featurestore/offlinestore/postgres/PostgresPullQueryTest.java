package dev.featurestore.offlinestore.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.offline.SourceColumns;
import dev.featurestore.core.proto.FeastTypeMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Golden SQL of PostgreSQL pulls. */
class PostgresPullQueryTest {

  private static final Field USER_ID = Field.of("user_id", FeastTypeMapper.primitive(ValueType.STRING));
  private static final Field SCORE = Field.of("score", FeastTypeMapper.primitive(ValueType.INT64));

  @Test
  void aTableSourceWithFieldMappingAndCreatedColumn() {
    DataSource source = new DataSource("s", "event_timestamp", "created", "",
        Map.of("uid", "user_id", "ts", "event_timestamp", "written", "created"), null,
        new DataSource.PostgresOptions("feast.scores", null));
    Map<String, String> types = new LinkedHashMap<>();
    types.put("uid", "text");
    types.put("score", "int8");
    types.put("ts", "timestamp");
    types.put("written", "timestamptz");

    String sql = PostgresPullQuery.plan(request(source, List.of(USER_ID)),
        SourceColumns.of(request(source, List.of(USER_ID))), types).sql();

    assertThat(sql).isEqualTo("SELECT DISTINCT ON (a.\"uid\") a.\"uid\", a.\"score\","
        + " CAST(a.\"ts\" AS timestamptz), CAST(a.\"written\" AS timestamptz)"
        + " FROM feast.scores AS a WHERE a.\"ts\" BETWEEN ? AND ?"
        + " ORDER BY a.\"uid\", a.\"ts\" DESC NULLS LAST, a.\"written\" DESC NULLS LAST");
  }

  @Test
  void anEntitylessQuerySource() {
    DataSource source = new DataSource("s", "event_timestamp", "", "", Map.of(), null,
        new DataSource.PostgresOptions(null, "SELECT * FROM raw"));
    Map<String, String> types = new LinkedHashMap<>();
    types.put("score", "int8");
    types.put("event_timestamp", "timestamptz");

    String sql = PostgresPullQuery.plan(request(source, List.of()),
        SourceColumns.of(request(source, List.of())), types).sql();

    assertThat(sql).isEqualTo("SELECT a.\"score\", CAST(a.\"event_timestamp\" AS timestamptz)"
        + " FROM (SELECT * FROM raw) AS a WHERE a.\"event_timestamp\" BETWEEN ? AND ?"
        + " ORDER BY a.\"event_timestamp\" DESC NULLS LAST LIMIT 1");
  }

  private static PullLatestRequest request(DataSource source, List<Field> keys) {
    FeatureView view = new FeatureView("v", List.of("user"), List.of(SCORE), keys, null, true,
        false, source, Optional.empty(), null);
    return new PullLatestRequest(view, keys, Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2024-01-02T00:00:00Z"), 1000);
  }
}
