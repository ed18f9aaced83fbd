package dev.featurestore.core.proto;

import static dev.featurestore.core.proto.FeastTypeMapper.primitive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.Aggregation;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.StreamViewSpec;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import feast.proto.core.AggregationProto;
import feast.proto.core.DataSourceProto;
import feast.proto.core.FeatureProto.FeatureSpecV2;
import feast.proto.core.StreamFeatureViewProto;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stream feature views and PostgresCdcSource against Feast's StreamFeatureView protos. */
class StreamFeatureViewMapperTest {

  private static final String PROJECT = "bnpl";

  static final DataSource ORDERS_FILE =
      new DataSource(
          "orders_file",
          "created_at",
          "",
          "",
          Map.of(),
          Metadata.EMPTY,
          new DataSource.FileOptions("data/orders.parquet", "parquet", ""));

  static final DataSource ORDERS_CDC =
      new DataSource(
          "orders_cdc",
          "created_at",
          "updated_at",
          "",
          Map.of("amt", "amount"),
          new Metadata("orders table changes", Map.of("team", "risk"), "risk@example.com"),
          new DataSource.PostgresCdcOptions("public.orders", Duration.ofSeconds(30), ORDERS_FILE));

  static final Field USER_ID = Field.of("user_id", primitive(ValueType.STRING));

  static final Aggregation SUM_1H =
      new Aggregation("amount", "sum", Duration.ofHours(1), Duration.ZERO, "");
  static final Aggregation COUNT_1D_HOPPING =
      new Aggregation("amount", "count", Duration.ofDays(1), Duration.ofHours(1), "orders_1d");

  static final FeatureView ORDER_VELOCITY =
      new FeatureView(
          "order_velocity",
          List.of("user"),
          List.of(
              Field.of("sum_amount_3600s", primitive(ValueType.DOUBLE)),
              Field.of("orders_1d", primitive(ValueType.INT64))),
          List.of(USER_ID),
          Duration.ofDays(2),
          true,
          false,
          ORDERS_FILE,
          Optional.of(ORDERS_CDC),
          new Metadata("order velocity", Map.of("tier", "1"), "risk@example.com"),
          Optional.of(
              new StreamViewSpec(
                  "python",
                  "created_at",
                  List.of(SUM_1H, COUNT_1D_HOPPING),
                  true,
                  Duration.ofMinutes(5))));

  @Test
  void roundTripsThroughBytes() throws Exception {
    StreamFeatureViewProto.StreamFeatureView proto =
        StreamFeatureViewProto.StreamFeatureView.parseFrom(
            RegistryProtoMapper.toStreamProto(ORDER_VELOCITY, PROJECT).toByteArray());
    assertThat(RegistryProtoMapper.fromProto(proto)).isEqualTo(ORDER_VELOCITY);
  }

  @Test
  void fieldsWhereFeastPutsThem() {
    StreamFeatureViewProto.StreamFeatureViewSpec spec =
        RegistryProtoMapper.toStreamProto(ORDER_VELOCITY, PROJECT).getSpec();
    assertThat(spec.getName()).isEqualTo("order_velocity");
    assertThat(spec.getProject()).isEqualTo(PROJECT);
    assertThat(spec.getEntitiesList()).containsExactly("user");
    // Feast writes self.schema: entity columns and features together.
    assertThat(spec.getFeaturesList())
        .extracting(FeatureSpecV2::getName)
        .containsExactly("user_id", "sum_amount_3600s", "orders_1d");
    assertThat(spec.getEntityColumnsList()).extracting(FeatureSpecV2::getName).containsExactly("user_id");
    assertThat(spec.getTtl().getSeconds()).isEqualTo(172_800);
    assertThat(spec.getOnline()).isTrue();
    assertThat(spec.getMode()).isEqualTo("python");
    assertThat(spec.getTimestampField()).isEqualTo("created_at");
    assertThat(spec.getEnableTiling()).isTrue();
    assertThat(spec.getTilingHopSize().getSeconds()).isEqualTo(300);
    assertThat(spec.getVersion()).isEqualTo("latest");
    assertThat(spec.hasUserDefinedFunction()).isFalse();
    assertThat(spec.hasFeatureTransformation()).isFalse();
    assertThat(spec.getBatchSource().getDataSourceClassType())
        .isEqualTo("feast.infra.offline_stores.file_source.FileSource");
    assertThat(spec.getStreamSource().getDataSourceClassType())
        .isEqualTo("featurestore.PostgresCdcSource");
    assertThat(spec.getStreamSource().getProject()).isEmpty();
    assertThat(spec.getDescription()).isEqualTo("order velocity");
    assertThat(spec.getTagsMap()).containsExactly(Map.entry("tier", "1"));
    AggregationProto.Aggregation sum = spec.getAggregations(0);
    assertThat(sum.getTimeWindow().getSeconds()).isEqualTo(3600);
    // No slide given: Feast's Aggregation writes the window as the slide.
    assertThat(sum.getSlideInterval().getSeconds()).isEqualTo(3600);
    assertThat(spec.getAggregations(1).getSlideInterval().getSeconds()).isEqualTo(3600);
    assertThat(spec.getAggregations(1).getName()).isEqualTo("orders_1d");
  }

  @Test
  void tilingHopSizeIsLeftUnsetWhenNotGiven() {
    FeatureView plain = withStream(new StreamViewSpec("spark", "", List.of(), false, Duration.ZERO));
    StreamFeatureViewProto.StreamFeatureViewSpec spec =
        RegistryProtoMapper.toStreamProto(plain, PROJECT).getSpec();
    assertThat(spec.hasTilingHopSize()).isFalse();
    assertThat(spec.getAggregationsCount()).isZero();
    assertThat(spec.getTimestampField()).isEmpty();
    assertThat(spec.getMode()).isEqualTo("spark");
  }

  /** Aggregation(column="amount", function="sum", time_window=timedelta(hours=1)) as Feast writes it. */
  @Test
  void aggregationBytesAsFeastWritesThem() {
    assertThat(HexFormat.of().formatHex(StreamFeatureViewMapper.toProto(SUM_1H).toByteArray()))
        .isEqualTo("0a06616d6f756e74" + "120373756d" + "1a0308901c" + "220308901c");
  }

  @Test
  void aggregationReadBackNormalisesASlideEqualToTheWindow() {
    AggregationProto.Aggregation tumbling =
        AggregationProto.Aggregation.newBuilder()
            .setColumn("amount")
            .setFunction("max")
            .setTimeWindow(com.google.protobuf.Duration.newBuilder().setSeconds(600))
            .setSlideInterval(com.google.protobuf.Duration.newBuilder().setSeconds(600))
            .build();
    assertThat(StreamFeatureViewMapper.fromProto(tumbling))
        .isEqualTo(new Aggregation("amount", "max", Duration.ofMinutes(10), Duration.ZERO, ""));
    assertThat(StreamFeatureViewMapper.fromProto(AggregationProto.Aggregation.newBuilder()
            .setFunction("count").build()))
        .isEqualTo(new Aggregation("", "count", Duration.ZERO, Duration.ZERO, ""));
  }

  @Test
  void readsAFeastViewWhoseFeaturesListEntityColumnsInAnyOrder() {
    StreamFeatureViewProto.StreamFeatureView feast =
        RegistryProtoMapper.toStreamProto(ORDER_VELOCITY, PROJECT).toBuilder()
            .setSpec(
                RegistryProtoMapper.toStreamProto(ORDER_VELOCITY, PROJECT).getSpec().toBuilder()
                    .clearFeatures()
                    .addFeatures(FeastTypeMapper.toProto(ORDER_VELOCITY.features().get(1)))
                    .addFeatures(FeastTypeMapper.toProto(USER_ID))
                    .addFeatures(FeastTypeMapper.toProto(ORDER_VELOCITY.features().get(0))))
            .build();
    FeatureView view = RegistryProtoMapper.fromProto(feast);
    assertThat(view.features()).extracting(Field::name).containsExactly("orders_1d", "sum_amount_3600s");
    assertThat(view.entityColumns()).containsExactly(USER_ID);
  }

  @Test
  void entitylessStreamViewStoresTheDummyEntityInFeaturesToo() {
    FeatureView entityless =
        new FeatureView(
            "global_orders",
            List.of(),
            List.of(Field.of("count_amount_3600s", primitive(ValueType.INT64))),
            List.of(),
            Duration.ZERO,
            true,
            false,
            ORDERS_FILE,
            Optional.of(ORDERS_CDC),
            Metadata.EMPTY,
            Optional.of(
                new StreamViewSpec(
                    "python",
                    "created_at",
                    List.of(new Aggregation("amount", "count", Duration.ofHours(1), null, null)),
                    false,
                    null)));
    StreamFeatureViewProto.StreamFeatureViewSpec spec =
        RegistryProtoMapper.toStreamProto(entityless, PROJECT).getSpec();
    assertThat(spec.getEntitiesList()).containsExactly("__dummy");
    assertThat(spec.getFeaturesList())
        .extracting(FeatureSpecV2::getName)
        .containsExactly("__dummy_id", "count_amount_3600s");
    assertThat(
            RegistryProtoMapper.fromProto(RegistryProtoMapper.toStreamProto(entityless, PROJECT)))
        .isEqualTo(entityless);
  }

  @Test
  void postgresCdcSourceIsACustomSourceWithJsonConfigurationAndBatchSource() {
    DataSourceProto.DataSource proto = RegistryProtoMapper.toProto(ORDERS_CDC, PROJECT);
    assertThat(proto.getType()).isEqualTo(DataSourceProto.DataSource.SourceType.CUSTOM_SOURCE);
    assertThat(proto.getDataSourceClassType()).isEqualTo("featurestore.PostgresCdcSource");
    assertThat(proto.getCustomOptions().getConfiguration().toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"name\": \"orders_cdc\", \"table\": \"public.orders\","
                + " \"watermark_delay_threshold_seconds\": \"30\"}");
    assertThat(proto.getTimestampField()).isEqualTo("created_at");
    assertThat(proto.getCreatedTimestampColumn()).isEqualTo("updated_at");
    assertThat(proto.getFieldMappingMap()).containsExactly(Map.entry("amt", "amount"));
    assertThat(proto.getBatchSource().getFileOptions().getUri()).isEqualTo("data/orders.parquet");
    // Nested batch sources carry no class type unless they are custom sources (as for Kafka).
    assertThat(proto.getBatchSource().getDataSourceClassType()).isEmpty();
    assertThat(proto.getBatchSource().getProject()).isEmpty();
    assertThat(RegistryProtoMapper.fromProto(proto)).isEqualTo(ORDERS_CDC);
  }

  @Test
  void postgresCdcWatermarkKeepsFractionsAndZero() {
    for (Duration watermark : List.of(Duration.ZERO, Duration.ofMillis(2500), Duration.ofNanos(1))) {
      DataSource cdc =
          new DataSource(
              "c",
              "ts",
              "",
              "",
              Map.of(),
              Metadata.EMPTY,
              new DataSource.PostgresCdcOptions("orders", watermark, ORDERS_FILE));
      assertThat(RegistryProtoMapper.fromProto(RegistryProtoMapper.toProto(cdc, PROJECT)))
          .isEqualTo(cdc);
    }
    assertThat(
            DataSourceMapper.cdcConfiguration(
                "c", new DataSource.PostgresCdcOptions("t", Duration.ofMillis(2500), ORDERS_FILE)))
        .endsWith("\"watermark_delay_threshold_seconds\": \"2.5\"}");
  }

  @Test
  void postgresCdcWithoutBatchSourceIsCorrupt() {
    DataSourceProto.DataSource proto =
        RegistryProtoMapper.toProto(ORDERS_CDC, PROJECT).toBuilder().clearBatchSource().build();
    assertThatThrownBy(() -> RegistryProtoMapper.fromProto(proto))
        .isInstanceOfSatisfying(
            FeatureStoreException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CORRUPT_REGISTRY))
        .hasMessageContaining("orders_cdc");
  }

  @Test
  void plainFeatureViewOverACdcSourceKeepsBothSources() {
    FeatureView plain = withStream(null);
    assertThat(plain.isStreamFeatureView()).isFalse();
    FeatureView back =
        RegistryProtoMapper.fromProto(RegistryProtoMapper.toProto(plain, PROJECT));
    assertThat(back.streamSource()).contains(ORDERS_CDC);
    assertThat(back.batchSource()).isEqualTo(ORDERS_FILE);
  }

  @Test
  void registryObjectsPutStreamViewsInTheirOwnKindAndReadThemBackAsFeatureViews() {
    FeatureView plain = withStream(null);
    RepoContents contents =
        new RepoContents(
            new Project(PROJECT, Metadata.EMPTY),
            List.of(new Entity("user", "user_id", Optional.of(ValueType.STRING), Metadata.EMPTY)),
            List.of(ORDERS_FILE, ORDERS_CDC),
            List.of(ORDER_VELOCITY, rename(plain, "order_rows")),
            List.of(),
            List.of(),
            List.of());
    List<RegistryObject> objects = RegistryProtoMapper.toRegistryObjects(contents);
    assertThat(objects)
        .filteredOn(o -> o.name().startsWith("order_"))
        .extracting(o -> o.kind() + ":" + o.name())
        .containsExactly("FEATURE_VIEW:order_rows", "STREAM_FEATURE_VIEW:order_velocity");
    assertThat(
            objects.stream()
                .filter(o -> o.kind() == RegistryObjectKind.STREAM_FEATURE_VIEW)
                .findFirst()
                .orElseThrow()
                .proto())
        .isInstanceOf(StreamFeatureViewProto.StreamFeatureView.class);
    RepoContents back = RegistryProtoMapper.fromRegistry(PROJECT, objects);
    assertThat(back.featureViews()).containsExactly(rename(plain, "order_rows"), ORDER_VELOCITY);
    assertThat(back.featureView("order_velocity").orElseThrow().isStreamFeatureView()).isTrue();
  }

  @Test
  void aPlainViewIsNotAStreamProto() {
    assertThatThrownBy(() -> RegistryProtoMapper.toStreamProto(withStream(null), PROJECT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("order_velocity");
  }

  private static FeatureView withStream(StreamViewSpec stream) {
    FeatureView v = ORDER_VELOCITY;
    return new FeatureView(
        v.name(),
        v.entities(),
        v.features(),
        v.entityColumns(),
        v.ttl(),
        v.online(),
        v.offline(),
        v.batchSource(),
        v.streamSource(),
        v.metadata(),
        Optional.ofNullable(stream));
  }

  private static FeatureView rename(FeatureView v, String name) {
    return new FeatureView(
        name,
        v.entities(),
        v.features(),
        v.entityColumns(),
        v.ttl(),
        v.online(),
        v.offline(),
        v.batchSource(),
        v.streamSource(),
        v.metadata(),
        v.stream());
  }
}
