package dev.featurestore.benchmarks;

import com.google.protobuf.Timestamp;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.OnlineWriteRow;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.DoubleList;
import feast.proto.types.ValueProto.Value;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark's registry and data: entity {@code user} keyed by an int64 {@code user_id}, and
 * one feature view per feature count ({@code user_10}, {@code user_20}, {@code user_50}) whose
 * features cycle through int64, double, float, string, bool, int32 and a 4-element double list, so
 * parsing and JSON writing see a realistic mix rather than one fast type.
 */
public final class SyntheticDataset {
  public static final String PROJECT = "bench";
  public static final String JOIN_KEY = "user_id";
  public static final List<Integer> FEATURE_COUNTS = List.of(10, 20, 50);
  private static final List<FeastType> TYPES = List.of(
      primitive(ValueType.INT64, "Int64"), primitive(ValueType.DOUBLE, "Float64"),
      primitive(ValueType.FLOAT, "Float32"), primitive(ValueType.STRING, "String"),
      primitive(ValueType.BOOL, "Bool"), primitive(ValueType.INT32, "Int32"),
      new FeastType.Array(primitive(ValueType.DOUBLE, "Float64"), ValueType.DOUBLE_LIST));

  private final int entities;

  public SyntheticDataset(int entities) {
    if (entities < 100) {
      throw new IllegalArgumentException("at least 100 entities are needed, got " + entities);
    }
    this.entities = entities;
  }

  public int entities() {
    return entities;
  }

  public static String viewName(int features) {
    return "user_" + features;
  }

  public static String featureName(int index) {
    return "f" + index;
  }

  /** The id of the {@code i}-th entity (ids are not 0-based so they look like real ids). */
  public static long entityId(int i) {
    return 1_000_000L + i;
  }

  public static EntityKey key(long id) {
    return EntityKey.newBuilder().addJoinKeys(JOIN_KEY)
        .addEntityValues(Value.newBuilder().setInt64Val(id)).build();
  }

  public RepoContents contents() {
    Entity user = new Entity("user", JOIN_KEY, Optional.of(ValueType.INT64), Metadata.EMPTY);
    DataSource source = new DataSource("user_source", "event_timestamp", "", "", Map.of(), Metadata.EMPTY,
        new DataSource.FileOptions("data/user.parquet", "parquet", ""));
    List<FeatureView> views = new ArrayList<>();
    for (int count : FEATURE_COUNTS) {
      List<Field> fields = new ArrayList<>();
      for (int f = 0; f < count; f++) {
        fields.add(Field.of(featureName(f), TYPES.get(f % TYPES.size())));
      }
      // ttl zero: never stale, so every value comes back PRESENT however long the run lasts.
      views.add(new FeatureView(viewName(count), List.of("user"), fields,
          List.of(Field.of(JOIN_KEY, primitive(ValueType.INT64, "Int64"))), Duration.ZERO, true, true, source,
          Optional.empty(), Metadata.EMPTY));
    }
    return new RepoContents(new Project(PROJECT, Metadata.EMPTY), List.of(user), List.of(source), views,
        List.of(), List.of(), List.of());
  }

  /** Writes every entity's row of every view through the store, in batches. */
  public void write(OnlineStore store) {
    Timestamp now = Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond()).build();
    for (int count : FEATURE_COUNTS) {
      List<OnlineWriteRow> batch = new ArrayList<>();
      for (int i = 0; i < entities; i++) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (int f = 0; f < count; f++) {
          values.put(featureName(f), value(f, i));
        }
        batch.add(new OnlineWriteRow(key(entityId(i)), now, now, values));
        if (batch.size() == 500) {
          store.write(PROJECT, viewName(count), batch);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        store.write(PROJECT, viewName(count), batch);
      }
    }
  }

  private static Value value(int feature, int entity) {
    long n = (long) entity * 31 + feature;
    return switch (feature % TYPES.size()) {
      case 0 -> Value.newBuilder().setInt64Val(n * 1_000_003L).build();
      case 1 -> Value.newBuilder().setDoubleVal(n / 7.0).build();
      case 2 -> Value.newBuilder().setFloatVal(n / 3.0f).build();
      case 3 -> Value.newBuilder().setStringVal("segment_" + (n % 97)).build();
      case 4 -> Value.newBuilder().setBoolVal(n % 2 == 0).build();
      case 5 -> Value.newBuilder().setInt32Val((int) (n % 100_000)).build();
      default -> Value.newBuilder().setDoubleListVal(DoubleList.newBuilder()
          .addVal(n * 0.5).addVal(n * 0.25).addVal(n * 0.125).addVal(-1.5)).build();
    };
  }

  private static FeastType primitive(ValueType type, String pythonName) {
    return new FeastType.Primitive(type, pythonName);
  }
}
