package dev.featurestore.offlinestore.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.PullLatestRequest;
import dev.featurestore.core.offline.SourceColumns;
import dev.featurestore.core.proto.FeastTypeMapper;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Golden SQL of a PostgreSQL pull restricted to entity keys. */
class PostgresPullRestrictionTest {
  private static final Field USER_ID = Field.of("user_id", FeastTypeMapper.primitive(ValueType.STRING));
  private static final Field SCORE = Field.of("score", FeastTypeMapper.primitive(ValueType.INT64));

  @Test
  void theKeysBecomeAPredicateOnTheSourceColumns() {
    DataSource source = new DataSource("s", "ts", "", "", Map.of("uid", "user_id"), null,
        new DataSource.PostgresOptions("scores", null));
    Map<String, String> types = new LinkedHashMap<>();
    types.put("uid", "text");
    types.put("score", "int8");
    types.put("ts", "timestamptz");
    FeatureView view = new FeatureView("v", List.of("user"), List.of(SCORE), List.of(USER_ID), null, true,
        false, source, Optional.empty(), null);
    EntityKey key = EntityKey.newBuilder().addJoinKeys("user_id")
        .addEntityValues(Value.newBuilder().setStringVal("u'1")).build();
    PullLatestRequest request = new PullLatestRequest(view, List.of(USER_ID), Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2024-01-02T00:00:00Z"), 1000, List.of(key));

    String sql = PostgresPullQuery.plan(request, SourceColumns.of(request), types).sql();

    assertThat(sql).contains("WHERE a.\"ts\" BETWEEN ? AND ? AND ((a.\"uid\" = 'u''1'))"
        + " ORDER BY a.\"uid\"");
  }
}
