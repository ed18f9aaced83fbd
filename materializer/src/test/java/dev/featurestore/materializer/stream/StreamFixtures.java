package dev.featurestore.materializer.stream;

import dev.featurestore.core.model.Aggregation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.StreamViewSpec;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.ViewRead;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Views, sources and records shaped like the sample's users and transactions tables. */
final class StreamFixtures {
  static final String PROJECT = "bnpl";
  static final FeastType INT64 = new FeastType.Primitive(ValueType.INT64, "Int64");
  static final FeastType FLOAT64 = new FeastType.Primitive(ValueType.DOUBLE, "Float64");
  static final FeastType STRING = new FeastType.Primitive(ValueType.STRING, "String");
  static final Field USER_ID = Field.of("user_id", STRING);
  static final Entity USER = new Entity("user", "user_id", Optional.of(ValueType.STRING), Metadata.EMPTY);

  private StreamFixtures() {}

  static DataSource batch(String name) {
    return new DataSource(name, "event_timestamp", "", "", Map.of(), Metadata.EMPTY,
        new DataSource.FileOptions("data/" + name + ".parquet", null, null));
  }

  static DataSource cdcSource(String name, String table, String timestampField, Duration lateness) {
    return new DataSource(name, timestampField, "", "", Map.of(), Metadata.EMPTY,
        new DataSource.PostgresCdcOptions(table, lateness, batch(name + "_batch")));
  }

  /** users(user_id text, age bigint, country text, updated_at timestamptz). */
  static FeatureView usersView(DataSource source) {
    return new FeatureView("user_profile", List.of("user"),
        List.of(Field.of("age", INT64), Field.of("country", STRING)), List.of(USER_ID),
        Duration.ZERO, true, false, source.batchSource().orElseThrow(), Optional.of(source), Metadata.EMPTY);
  }

  static final List<Aggregation> VELOCITY = List.of(
      new Aggregation("", "count", Duration.ofHours(1), Duration.ofMinutes(10), "txn_count_1h"),
      new Aggregation("amount", "count", Duration.ofHours(24), Duration.ofHours(1), "txn_count_24h"),
      new Aggregation("amount", "sum", Duration.ofHours(24), Duration.ofHours(1), "txn_amount_24h"),
      new Aggregation("amount", "mean", Duration.ofDays(7), Duration.ofDays(1), "txn_amount_mean_7d"),
      new Aggregation("amount", "min", Duration.ofHours(1), null, "txn_amount_min_1h"),
      new Aggregation("amount", "max", Duration.ofHours(6), Duration.ofMinutes(30), "txn_amount_max_6h"));

  /** transactions(transaction_id, user_id, amount double, created_at) with velocity windows. */
  static FeatureView velocityView(DataSource source) {
    return new FeatureView("user_transaction_velocity", List.of("user"),
        List.of(Field.of("txn_count_1h", INT64), Field.of("txn_count_24h", INT64),
            Field.of("txn_amount_24h", FLOAT64), Field.of("txn_amount_mean_7d", FLOAT64),
            Field.of("txn_amount_min_1h", FLOAT64), Field.of("txn_amount_max_6h", FLOAT64)),
        List.of(USER_ID), Duration.ofDays(2), true, false, source.batchSource().orElseThrow(),
        Optional.of(source), Metadata.EMPTY,
        Optional.of(new StreamViewSpec("python", "created_at", VELOCITY, false, null)));
  }

  static EntityKey user(String id) {
    return EntityKey.newBuilder().addJoinKeys("user_id")
        .addEntityValues(Value.newBuilder().setStringVal(id)).build();
  }

  static OnlineRow read(OnlineStore store, FeatureView view, String userId) {
    List<String> features = view.features().stream().map(Field::name).toList();
    return store.read(PROJECT, List.of(new ViewRead(view.name(), features, List.of(user(userId))))).get(0).get(0);
  }

  static StreamRecord record(String source, StreamRecord.Operation op, Map<String, Object> columns, long position) {
    return new StreamRecord(source, op, columns, Instant.now(), new StreamPosition("", position, 0));
  }
}
