package dev.featurestore.registry.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.model.Aggregation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.StreamViewSpec;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.offline.SourceSchemaReader;
import dev.featurestore.registry.TestRepoConfigs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** StreamFeatureView, Aggregation, KafkaSource and PostgresCdcSource as repositories write them. */
class StreamFeatureViewRepoTest {

  /** Every StreamFeatureView argument Feast takes but udf and feature_transformation. */
  static final String ORDERS = """
      from datetime import timedelta
      from feast import Entity, Field, FileSource, StreamFeatureView, ValueType
      from feast.aggregation import Aggregation
      from feast.transformation.mode import TransformationMode
      from feast.types import Float64, Int64
      from featurestore import PostgresCdcSource

      user = Entity(name="user", join_keys=["user_id"], value_type=ValueType.STRING)
      orders_file = FileSource(name="orders_file", path="data/orders.parquet", timestamp_field="created_at")
      orders_cdc = PostgresCdcSource(
          name="orders_cdc",
          table="sales.orders",
          timestamp_field="created_at",
          batch_source=orders_file,
          created_timestamp_column="updated_at",
          field_mapping={"amt": "amount"},
          watermark_delay_threshold=timedelta(seconds=30),
          description="order changes",
          tags={"team": "risk"},
          owner="risk@example.com",
      )

      order_velocity = StreamFeatureView(
          name="order_velocity",
          source=orders_cdc,
          sink_source=None,
          entities=[user],
          ttl=timedelta(days=2),
          tags={"tier": "1"},
          online=True,
          offline=False,
          description="How fast a user orders.",
          owner="risk@example.com",
          org="risk",
          schema=[
              Field(name="sum_amount_3600s", dtype=Float64),
              Field(name="orders_1d", dtype=Int64),
          ],
          aggregations=[
              Aggregation(column="amount", function="sum", time_window=timedelta(hours=1)),
              Aggregation("amount", "count", timedelta(days=1), timedelta(hours=1), "orders_1d"),
          ],
          mode=TransformationMode.PYTHON,
          timestamp_field="created_at",
          udf_string="",
          stream_engine=None,
          enable_tiling=True,
          tiling_hop_size=timedelta(minutes=5),
          enable_validation=False,
          version="latest",
      )
      """;

  @TempDir Path root;

  private LoadedRepo load(String file, String text) throws IOException {
    Files.writeString(root.resolve(file), text);
    return new RepoDefinitionsLoader().load(root, "p");
  }

  @Test
  void streamFeatureViewWithEveryArgument() throws IOException {
    LoadedRepo loaded = load("orders.py", ORDERS);
    assertThat(loaded.warnings()).isEmpty();
    RepoContents repo = loaded.contents();
    FeatureView view = repo.featureView("order_velocity").orElseThrow();
    assertThat(view.isStreamFeatureView()).isTrue();
    assertThat(view.stream()).contains(new StreamViewSpec("python", "created_at", java.util.List.of(
            new Aggregation("amount", "sum", Duration.ofHours(1), Duration.ZERO, ""),
            new Aggregation("amount", "count", Duration.ofDays(1), Duration.ofHours(1), "orders_1d")),
        true, Duration.ofMinutes(5)));
    assertThat(view.ttl()).isEqualTo(Duration.ofDays(2));
    assertThat(view.entities()).containsExactly("user");
    assertThat(view.entityColumns()).extracting(f -> f.name() + ":" + f.dtype().valueType())
        .containsExactly("user_id:STRING");
    assertThat(view.features()).extracting(Field::name).containsExactly("sum_amount_3600s", "orders_1d");
    assertThat(view.metadata().description()).isEqualTo("How fast a user orders.");
    assertThat(view.metadata().tags()).isEqualTo(Map.of("tier", "1"));
    assertThat(view.batchSource().name()).isEqualTo("orders_file");
    DataSource cdc = view.streamSource().orElseThrow();
    assertThat(cdc.name()).isEqualTo("orders_cdc");
    assertThat(cdc.options()).isEqualTo(
        new DataSource.PostgresCdcOptions("sales.orders", Duration.ofSeconds(30), view.batchSource()));
    assertThat(cdc.timestampField()).isEqualTo("created_at");
    assertThat(cdc.createdTimestampColumn()).isEqualTo("updated_at");
    assertThat(cdc.fieldMapping()).isEqualTo(Map.of("amt", "amount"));
    assertThat(cdc.metadata().owner()).isEqualTo("risk@example.com");
    // The CDC source and its batch source are both registered, once.
    assertThat(repo.dataSources()).extracting(DataSource::name).containsExactlyInAnyOrder("orders_cdc", "orders_file");
  }

  @Test
  void defaultsFollowFeast() throws IOException {
    RepoContents repo = load("defs.py", """
        from feast import Entity, Field, FileSource, PushSource, StreamFeatureView
        from feast.types import Float64
        user = Entity(name="user", join_keys=["user_id"])
        push = PushSource(name="txn_push", batch_source=FileSource(name="txn", path="t.parquet", timestamp_field="ts"))
        txn_rows = StreamFeatureView(name="txn_rows", source=push, entities=[user],
            schema=[Field(name="amount", dtype=Float64)])
        """).contents();
    FeatureView view = repo.featureView("txn_rows").orElseThrow();
    assertThat(view.stream()).contains(new StreamViewSpec("python", "", java.util.List.of(), false, Duration.ZERO));
    assertThat(view.ttl()).isZero();
    assertThat(view.online()).isTrue();
    assertThat(view.streamSource().map(DataSource::name)).contains("txn_push");
    assertThat(view.batchSource().name()).isEqualTo("txn");
  }

  @Test
  void kafkaSourceWithEveryOptionAndEachMessageFormat() throws IOException {
    RepoContents repo = load("kafka.py", """
        from datetime import timedelta
        from feast import Field, FileSource, KafkaSource, StreamFeatureView
        from feast.aggregation import Aggregation
        from feast.data_format import AvroFormat, JsonFormat, ProtoFormat
        from feast.types import Float64
        batch = FileSource(name="txn_file", path="t.parquet", timestamp_field="ts")
        json_src = KafkaSource(
            name="txn_json",
            timestamp_field="ts",
            message_format=JsonFormat(schema_json="user_id string, amount double, ts timestamp"),
            kafka_bootstrap_servers="broker:9092",
            topic="txns",
            created_timestamp_column="created",
            field_mapping={"amt": "amount"},
            description="json txns",
            tags={"fmt": "json"},
            owner="o@example.com",
            batch_source=batch,
            watermark_delay_threshold=timedelta(seconds=5),
        )
        avro_src = KafkaSource(name="txn_avro", timestamp_field="ts", bootstrap_servers="old:9092", topic="a",
            message_format=AvroFormat(schema_json='{"type": "record"}'), batch_source=batch)
        proto_src = KafkaSource(name="txn_proto", timestamp_field="ts", topic="p",
            message_format=ProtoFormat(class_path="com.example.Txn"), batch_source=batch)
        txn_sum = StreamFeatureView(name="txn_sum", source=json_src, timestamp_field="ts", mode="spark",
            schema=[Field(name="sum_amount_600s", dtype=Float64)],
            aggregations=[Aggregation(column="amount", function="sum", time_window=timedelta(minutes=10),
                                      slide_interval=timedelta(minutes=2))])
        """).contents();
    DataSource json = repo.dataSource("txn_json").orElseThrow();
    assertThat(json.options()).isEqualTo(new DataSource.KafkaOptions("broker:9092", "txns", "json",
        "user_id string, amount double, ts timestamp", Duration.ofSeconds(5), repo.dataSource("txn_file").orElseThrow()));
    assertThat(json.createdTimestampColumn()).isEqualTo("created");
    assertThat(json.fieldMapping()).isEqualTo(Map.of("amt", "amount"));
    assertThat(json.metadata().tags()).isEqualTo(Map.of("fmt", "json"));
    DataSource.KafkaOptions avro = (DataSource.KafkaOptions) repo.dataSource("txn_avro").orElseThrow().options();
    assertThat(avro.bootstrapServers()).isEqualTo("old:9092");
    assertThat(avro.messageFormat() + " " + avro.messageSchema()).isEqualTo("avro {\"type\": \"record\"}");
    DataSource.KafkaOptions proto = (DataSource.KafkaOptions) repo.dataSource("txn_proto").orElseThrow().options();
    assertThat(proto.messageFormat() + " " + proto.messageSchema()).isEqualTo("proto com.example.Txn");
    StreamViewSpec spec = repo.featureView("txn_sum").orElseThrow().stream().orElseThrow();
    assertThat(spec.mode()).isEqualTo("spark");
    assertThat(spec.aggregations()).containsExactly(
        new Aggregation("amount", "sum", Duration.ofMinutes(10), Duration.ofMinutes(2), ""));
    assertThat(spec.aggregations().get(0).hop()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void plainFeatureViewOverACdcSourceIsLikeAPushView() throws IOException {
    RepoContents repo = load("defs.py", """
        import featurestore
        from feast import Entity, FeatureView, Field, FileSource
        from feast.types import Int64
        user = Entity(name="user", join_keys=["user_id"])
        users_cdc = featurestore.PostgresCdcSource("users_cdc", "users", "updated_at",
            FileSource(name="users_file", path="u.parquet", timestamp_field="updated_at"))
        user_profile = FeatureView(name="user_profile", source=users_cdc, entities=[user],
            schema=[Field(name="user_id", dtype=Int64), Field(name="age", dtype=Int64)])
        """).contents();
    FeatureView view = repo.featureView("user_profile").orElseThrow();
    assertThat(view.isStreamFeatureView()).isFalse();
    assertThat(view.batchSource().name()).isEqualTo("users_file");
    assertThat(view.streamSource().map(DataSource::name)).contains("users_cdc");
    DataSource.PostgresCdcOptions cdc = (DataSource.PostgresCdcOptions) view.streamSource().orElseThrow().options();
    assertThat(cdc.qualifiedTable()).isEqualTo("public.users");
    assertThat(cdc.watermarkDelayThreshold()).isZero();
    assertThat(repo.dataSources()).extracting(DataSource::name).containsExactly("users_file", "users_cdc");
  }

  @Test
  void aggregationFromTheFeastPackageAndAsSlideEqualToWindow() throws IOException {
    RepoContents repo = load("defs.py", """
        from datetime import timedelta
        import feast
        from feast.types import Int64
        src = feast.PushSource(name="p", batch_source=feast.FileSource(name="f", path="f.parquet", timestamp_field="ts"))
        v = feast.StreamFeatureView(name="v", source=src, timestamp_field="ts",
            schema=[feast.Field(name="n", dtype=Int64)],
            aggregations=[feast.Aggregation(column="x", function="count", time_window=timedelta(hours=1),
                                            slide_interval=timedelta(hours=1), name="n")])
        """).contents();
    assertThat(repo.featureView("v").orElseThrow().stream().orElseThrow().aggregations())
        .containsExactly(new Aggregation("x", "count", Duration.ofHours(1), Duration.ZERO, "n"));
  }

  @Test
  void entityTypesAreInferredForStreamViewsToo() throws IOException {
    LoadedRepo loaded = load("defs.py", """
        from datetime import timedelta
        from feast import Aggregation, Entity, Field, FileSource, PushSource, StreamFeatureView
        from feast.types import Int64
        user = Entity(name="user", join_keys=["user_id"])
        src = PushSource(name="p", batch_source=FileSource(name="f", path="f.parquet", timestamp_field="ts"))
        v = StreamFeatureView(name="v", source=src, entities=[user], timestamp_field="ts",
            schema=[Field(name="count_x_60s", dtype=Int64)],
            aggregations=[Aggregation(column="x", function="count", time_window=timedelta(minutes=1))])
        """);
    assertThat(loaded.entityColumnsToInfer()).extracting(EntityColumnToInfer::joinKey).containsExactly("user_id");
    assertThat(loaded.contents().featureView("v").map(FeatureView::stream).flatMap(s -> s))
        .map(StreamViewSpec::aggregations).map(a -> a.get(0).featureName()).isEqualTo(Optional.of("count_x_60s"));
    assertThat(loaded.contents().featureView("v").orElseThrow().features().get(0).dtype().valueType())
        .isEqualTo(ValueType.INT64);
    // Typing the join key from the source keeps the view a stream feature view.
    SourceSchemaReader reader = new SourceSchemaReader() {
      @Override
      public boolean supports(DataSource source) {
        return true;
      }

      @Override
      public Map<String, ValueType> columns(DataSource source, RepoConfig config) {
        return Map.of("user_id", ValueType.STRING, "ts", ValueType.UNIX_TIMESTAMP);
      }
    };
    RepoContents inferred = new EntityColumnInference(java.util.List.of(reader))
        .infer(loaded, TestRepoConfigs.withRegistry(root, "file", "registry.db"));
    FeatureView typed = inferred.featureView("v").orElseThrow();
    assertThat(typed.entityColumns()).extracting(f -> f.name() + ":" + f.dtype().valueType())
        .containsExactly("user_id:STRING");
    assertThat(typed.stream()).isEqualTo(loaded.contents().featureView("v").orElseThrow().stream());
  }
}
