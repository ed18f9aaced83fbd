package dev.featurestore.onlineserver;

import static dev.featurestore.onlineserver.TestingRepo.FRESH;
import static dev.featurestore.onlineserver.TestingRepo.OLD;
import static dev.featurestore.onlineserver.TestingRepo.PROJECT;
import static dev.featurestore.onlineserver.TestingRepo.f32;
import static dev.featurestore.onlineserver.TestingRepo.i64;
import static dev.featurestore.onlineserver.TestingRepo.key;
import static dev.featurestore.onlineserver.TestingRepo.str;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineWriteRow;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@link TestingRepo#store()}, written through a real store's {@code write}: driver
 * 1001 fresh; driver 1002 three days old (ttl one day) and without {@code acc_rate}; user_00042 in
 * two views sharing one entity key; one (user, merchant) pair. Idempotent.
 */
final class RealStoreRows {
  private RealStoreRows() {}

  static void write(OnlineStore store) {
    store.write(PROJECT, "driver_hourly_stats", List.of(
        row(key("driver_id", i64(1001)), FRESH, Map.of("conv_rate", f32(0.5f), "acc_rate", f32(0.1f),
            "avg_daily_trips", i64(7))),
        row(key("driver_id", i64(1002)), OLD, Map.of("conv_rate", f32(0.25f), "avg_daily_trips", i64(3)))));
    store.write(PROJECT, "user_demographics", List.of(
        row(key("user_id", str("user_00042")), FRESH, Map.of("age", i64(34), "country", str("DE")))));
    store.write(PROJECT, "user_velocity", List.of(
        row(key("user_id", str("user_00042")), FRESH, Map.of("txn_count_1h", i64(2),
            "txn_amount_24h", Value.newBuilder().setDoubleVal(120.5).build()))));
    // Join keys deliberately in non-sorted order: the store sorts them when serializing.
    store.write(PROJECT, "user_merchant", List.of(
        row(EntityKey.newBuilder().addJoinKeys("user_id").addJoinKeys("merchant_id")
            .addEntityValues(str("user_00042")).addEntityValues(str("m_7")).build(), FRESH, Map.of("orders", i64(5)))));
  }

  private static OnlineWriteRow row(EntityKey key, Timestamp eventTime, Map<String, Value> values) {
    return new OnlineWriteRow(key, eventTime, null, values);
  }
}
