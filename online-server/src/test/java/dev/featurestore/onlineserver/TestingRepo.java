package dev.featurestore.onlineserver;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.FeatureService;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.FeatureViewProjection;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.ValueType;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small registry built from model records, Feast's driver example plus a BNPL-like user side. */
final class TestingRepo {
  static final String PROJECT = "demo";
  /** The server's "now": one hour after the fresh rows were written. */
  static final Instant NOW = Instant.parse("2024-01-15T13:00:00Z");
  static final Timestamp FRESH = Timestamp.newBuilder().setSeconds(1705320000).build(); // 2024-01-15T12:00:00Z
  static final Timestamp OLD = Timestamp.newBuilder().setSeconds(1705320000 - 3 * 86400).setNanos(500_000_000).build();

  private TestingRepo() {}

  static Field field(String name, ValueType type) {
    return Field.of(name, new FeastType.Primitive(type, type.name()));
  }

  static DataSource file(String name) {
    return new DataSource(name, "event_timestamp", "created", "", Map.of(), Metadata.EMPTY,
        new DataSource.FileOptions("data/" + name + ".parquet", "parquet", ""));
  }

  static RepoContents contents() {
    Entity driver = new Entity("driver", "driver_id", Optional.of(ValueType.INT64), Metadata.EMPTY);
    Entity user = new Entity("user", "user_id", Optional.of(ValueType.STRING), Metadata.EMPTY);
    Entity merchant = new Entity("merchant", "merchant_id", Optional.of(ValueType.STRING), Metadata.EMPTY);
    DataSource driverSource = file("driver_stats");
    DataSource userSource = file("user_profile");
    DataSource velocitySource = file("velocity");
    DataSource push = new DataSource("velocity_push", "", "", "", Map.of(), Metadata.EMPTY,
        new DataSource.PushOptions(velocitySource));
    FeatureView driverStats = new FeatureView("driver_hourly_stats", List.of("driver"),
        List.of(field("conv_rate", ValueType.FLOAT), field("acc_rate", ValueType.FLOAT),
            field("avg_daily_trips", ValueType.INT64)),
        List.of(field("driver_id", ValueType.INT64)), Duration.ofDays(1), true, true, driverSource,
        Optional.empty(), Metadata.EMPTY);
    FeatureView demographics = new FeatureView("user_demographics", List.of("user"),
        List.of(field("age", ValueType.INT64), field("country", ValueType.STRING)),
        List.of(field("user_id", ValueType.STRING)), Duration.ofDays(30), true, true, userSource,
        Optional.empty(), new Metadata("", Map.of("group", "demographics"), ""));
    FeatureView velocity = new FeatureView("user_velocity", List.of("user"),
        List.of(field("txn_count_1h", ValueType.INT64), field("txn_amount_24h", ValueType.DOUBLE)),
        List.of(field("user_id", ValueType.STRING)), Duration.ofDays(2), true, true, velocitySource,
        Optional.of(push), new Metadata("", Map.of("group", "behavior"), ""));
    FeatureView userMerchant = new FeatureView("user_merchant", List.of("user", "merchant"),
        List.of(field("orders", ValueType.INT64)),
        List.of(field("user_id", ValueType.STRING), field("merchant_id", ValueType.STRING)), Duration.ZERO, true,
        true, file("user_merchant"), Optional.empty(), Metadata.EMPTY);
    FeatureService credit = new FeatureService("credit_decision_v1", List.of(
        new FeatureViewProjection("user_demographics", "", List.of(field("age", ValueType.INT64)), Map.of()),
        new FeatureViewProjection("user_velocity", "", velocity.features(), Map.of())),
        Optional.empty(), Metadata.EMPTY);
    FeatureService aliased = new FeatureService("driver_aliased", List.of(
        new FeatureViewProjection("driver_hourly_stats", "drv", List.of(field("conv_rate", ValueType.FLOAT)),
            Map.of("driver_id", "other_driver_id"))), Optional.empty(), Metadata.EMPTY);
    return new RepoContents(new Project(PROJECT, Metadata.EMPTY), List.of(driver, user, merchant),
        List.of(driverSource, userSource, velocitySource, push),
        List.of(driverStats, demographics, velocity, userMerchant), List.of(), List.of(credit, aliased), List.of());
  }

  static EntityKey key(String joinKey, Value value) {
    return EntityKey.newBuilder().addJoinKeys(joinKey).addEntityValues(value).build();
  }

  static Value i64(long v) {
    return Value.newBuilder().setInt64Val(v).build();
  }

  static Value str(String v) {
    return Value.newBuilder().setStringVal(v).build();
  }

  static Value f32(float v) {
    return Value.newBuilder().setFloatVal(v).build();
  }

  /** Driver 1001 fresh, driver 1002 three days old; two users; one (user, merchant) pair. */
  static FakeOnlineStore store() {
    FakeOnlineStore store = new FakeOnlineStore();
    store.put(PROJECT, "driver_hourly_stats", key("driver_id", i64(1001)), FRESH,
        Map.of("conv_rate", f32(0.5f), "acc_rate", f32(0.1f), "avg_daily_trips", i64(7)));
    store.put(PROJECT, "driver_hourly_stats", key("driver_id", i64(1002)), OLD,
        Map.of("conv_rate", f32(0.25f), "avg_daily_trips", i64(3)));
    store.put(PROJECT, "user_demographics", key("user_id", str("user_00042")), FRESH,
        Map.of("age", i64(34), "country", str("DE")));
    store.put(PROJECT, "user_velocity", key("user_id", str("user_00042")), FRESH,
        Map.of("txn_count_1h", i64(2), "txn_amount_24h", Value.newBuilder().setDoubleVal(120.5).build()));
    store.put(PROJECT, "user_merchant", EntityKey.newBuilder().addJoinKeys("merchant_id").addJoinKeys("user_id")
        .addEntityValues(str("m_7")).addEntityValues(str("user_00042")).build(), FRESH, Map.of("orders", i64(5)));
    return store;
  }
}
