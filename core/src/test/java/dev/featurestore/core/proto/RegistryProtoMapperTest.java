package dev.featurestore.core.proto;

import static dev.featurestore.core.proto.ModelFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.registry.RegistryObject;
import dev.featurestore.core.registry.RegistryObjectKind;
import feast.proto.core.DataSourceProto;
import feast.proto.core.EntityProto;
import feast.proto.core.FeatureReferenceProto;
import feast.proto.core.FeatureServiceProto;
import feast.proto.core.FeatureViewProto;
import feast.proto.core.LabelViewProto;
import feast.proto.core.OnDemandFeatureViewProto;
import feast.proto.types.ValueProto;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegistryProtoMapperTest {

  @Test
  void everyKindRoundTripsThroughBytes() throws Exception {
    assertThat(
            RegistryProtoMapper.fromProto(reparse(RegistryProtoMapper.toProto(CONTENTS.project()))))
        .isEqualTo(CONTENTS.project());
    for (var entity : CONTENTS.entities()) {
      assertThat(
              RegistryProtoMapper.fromProto(reparse(RegistryProtoMapper.toProto(entity, PROJECT))))
          .isEqualTo(entity);
    }
    for (DataSource source : CONTENTS.dataSources()) {
      assertThat(
              RegistryProtoMapper.fromProto(reparse(RegistryProtoMapper.toProto(source, PROJECT))))
          .as(source.name())
          .isEqualTo(source);
    }
    for (var view : CONTENTS.featureViews()) {
      assertThat(RegistryProtoMapper.fromProto(reparse(RegistryProtoMapper.toProto(view, PROJECT))))
          .as(view.name())
          .isEqualTo(view);
    }
    assertThat(
            RegistryProtoMapper.fromProto(
                reparse(RegistryProtoMapper.toProto(RISK_ODFV, PROJECT, CONTENTS))))
        .isEqualTo(RISK_ODFV);
    assertThat(
            RegistryProtoMapper.fromProto(
                reparse(RegistryProtoMapper.toProto(FRAUD_LABELS, PROJECT))))
        .isEqualTo(FRAUD_LABELS);
    assertThat(
            RegistryProtoMapper.fromProto(
                reparse(RegistryProtoMapper.toProto(RISK_SERVICE, PROJECT, CONTENTS))))
        .isEqualTo(RISK_SERVICE);
  }

  @Test
  void wholeRepositoryRoundTripsThroughRegistryObjects() {
    List<RegistryObject> objects = RegistryProtoMapper.toRegistryObjects(CONTENTS);
    assertThat(objects.get(0).kind()).isEqualTo(RegistryObjectKind.PROJECT);
    assertThat(RegistryProtoMapper.fromRegistry(PROJECT, objects)).isEqualTo(CONTENTS);
  }

  @Test
  void fromRegistryAcceptsDynamicMessagesAndDefaultsTheProject() {
    Message entity = RegistryProtoMapper.toProto(USER, PROJECT);
    Message dynamic =
        DynamicMessage.newBuilder(entity.getDescriptorForType()).mergeFrom(entity).build();
    RepoContents contents =
        RegistryProtoMapper.fromRegistry(
            PROJECT, List.of(new RegistryObject(RegistryObjectKind.ENTITY, "user", dynamic)));
    assertThat(contents.entities()).containsExactly(USER);
    assertThat(contents.project().name()).isEqualTo(PROJECT);
  }

  @Test
  void entityFieldsWhereFeastPutsThem() {
    EntityProto.Entity proto = RegistryProtoMapper.toProto(USER, PROJECT);
    assertThat(proto.getSpec().getJoinKey()).isEqualTo("user_id");
    assertThat(proto.getSpec().getValueType()).isEqualTo(ValueProto.ValueType.Enum.STRING);
    assertThat(proto.getSpec().getProject()).isEqualTo(PROJECT);
    assertThat(proto.getSpec().getOwner()).isEqualTo("risk@example.com");
    assertThat(proto.hasMeta()).isTrue();
    assertThat(proto.getMeta().hasCreatedTimestamp()).isFalse();
    // An undeclared type is Feast's UNKNOWN = 0.
    assertThat(RegistryProtoMapper.toProto(MERCHANT, PROJECT).getSpec().getValueTypeValue())
        .isZero();
  }

  @Test
  void fileSourceGolden() {
    DataSourceProto.DataSource proto = RegistryProtoMapper.toProto(FILE_SOURCE, PROJECT);
    assertThat(proto.getType()).isEqualTo(DataSourceProto.DataSource.SourceType.BATCH_FILE);
    assertThat(proto.getDataSourceClassType())
        .isEqualTo("feast.infra.offline_stores.file_source.FileSource");
    assertThat(proto.getFileOptions().getUri()).isEqualTo("data/user_stats.parquet");
    assertThat(proto.getFileOptions().getFileFormat().hasParquetFormat()).isTrue();
    assertThat(proto.getTimestampField()).isEqualTo("event_timestamp");
    assertThat(proto.getCreatedTimestampColumn()).isEqualTo("created");
    assertThat(proto.getFieldMappingMap()).containsEntry("raw_age", "age");
    assertThat(proto.getProject()).isEqualTo(PROJECT);
    assertThat(proto.hasMeta()).isTrue();
  }

  @Test
  void postgresSourceIsCustomSourceWithJsonConfiguration() {
    DataSourceProto.DataSource proto = RegistryProtoMapper.toProto(POSTGRES_SOURCE, PROJECT);
    assertThat(proto.getType()).isEqualTo(DataSourceProto.DataSource.SourceType.CUSTOM_SOURCE);
    assertThat(proto.getType().getNumber()).isEqualTo(6);
    assertThat(proto.getDataSourceClassType())
        .isEqualTo(
            "feast.infra.offline_stores.contrib.postgres_offline_store.postgres_source.PostgreSQLSource");
    // Python: json.dumps({"name": ..., "query": ..., "table": ...}).encode(), non-ASCII escaped
    assertThat(proto.getCustomOptions().getConfiguration().toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"name\": \"pg_src\", \"query\": \"\", \"table\":"
                + " \"public.user_gr\\u00f6\\u00dfe\"}");
  }

  @Test
  void postgresSourceWithoutNameInConfigurationTakesTheTable() {
    DataSourceProto.DataSource proto =
        RegistryProtoMapper.toProto(POSTGRES_SOURCE, PROJECT).toBuilder()
            .setCustomOptions(
                DataSourceProto.DataSource.CustomSourceOptions.newBuilder()
                    .setConfiguration(
                        com.google.protobuf.ByteString.copyFromUtf8(
                            "{\"name\": \"\", \"query\": \"\", \"table\": \"users\"}")))
            .build();
    assertThat(RegistryProtoMapper.fromProto(proto).name()).isEqualTo("users");
  }

  @Test
  void pushSourceCopiesBatchColumnsAndNestsThePlainBatchSource() {
    DataSourceProto.DataSource proto = RegistryProtoMapper.toProto(PUSH_SOURCE, PROJECT);
    assertThat(proto.getType()).isEqualTo(DataSourceProto.DataSource.SourceType.PUSH_SOURCE);
    assertThat(proto.getDataSourceClassType()).isEqualTo("feast.data_source.PushSource");
    assertThat(proto.getTimestampField()).isEqualTo("event_timestamp");
    assertThat(proto.getFieldMappingMap()).containsEntry("raw_age", "age");
    assertThat(proto.getOptionsCase())
        .isEqualTo(DataSourceProto.DataSource.OptionsCase.OPTIONS_NOT_SET);
    assertThat(proto.getBatchSource().getFileOptions().getUri())
        .isEqualTo("data/user_stats.parquet");
    // Feast's plain to_proto() of the nested source names neither project nor class.
    assertThat(proto.getBatchSource().getDataSourceClassType()).isEmpty();
    assertThat(proto.getBatchSource().getProject()).isEmpty();
  }

  @Test
  void kafkaSourceGolden() {
    DataSourceProto.DataSource proto = RegistryProtoMapper.toProto(KAFKA_SOURCE, PROJECT);
    assertThat(proto.getType()).isEqualTo(DataSourceProto.DataSource.SourceType.STREAM_KAFKA);
    assertThat(proto.getKafkaOptions().getKafkaBootstrapServers()).isEqualTo("broker:9092");
    assertThat(proto.getKafkaOptions().getTopic()).isEqualTo("txns");
    assertThat(proto.getKafkaOptions().getMessageFormat().getAvroFormat().getSchemaJson())
        .isEqualTo("{\"type\":\"record\"}");
    assertThat(proto.getKafkaOptions().getWatermarkDelayThreshold().getSeconds()).isEqualTo(5);
    assertThat(proto.getBatchSource().getBigqueryOptions().getTable()).isEqualTo("proj.ds.txn");
  }

  @Test
  void requestSourceSchemaIsFeatureSpecs() {
    DataSourceProto.DataSource proto = RegistryProtoMapper.toProto(REQUEST_SOURCE, PROJECT);
    assertThat(proto.getType()).isEqualTo(DataSourceProto.DataSource.SourceType.REQUEST_SOURCE);
    assertThat(proto.getRequestDataOptions().getSchema(0).getName()).isEqualTo("amount");
    assertThat(proto.getRequestDataOptions().getSchema(0).getValueType())
        .isEqualTo(ValueProto.ValueType.Enum.DOUBLE);
  }

  @Test
  void featureViewFieldsWhereFeastPutsThem() {
    FeatureViewProto.FeatureViewSpec spec =
        RegistryProtoMapper.toProto(USER_STATS, PROJECT).getSpec();
    assertThat(spec.getProject()).isEqualTo(PROJECT);
    assertThat(spec.getEntitiesList()).containsExactly("user");
    assertThat(spec.getEntityColumns(0).getName()).isEqualTo("user_id");
    assertThat(spec.getFeatures(1).getName()).isEqualTo("score");
    assertThat(spec.getFeatures(1).getValueTypeValue()).isEqualTo(6); // Float32 -> FLOAT
    assertThat(spec.getTtl().getSeconds()).isEqualTo(86_400);
    assertThat(spec.getOnline()).isTrue();
    assertThat(spec.getVersion()).isEqualTo("latest");
    assertThat(spec.getBatchSource().getDataSourceClassType())
        .isEqualTo("feast.infra.offline_stores.file_source.FileSource");
    assertThat(spec.getBatchSource().getProject()).isEmpty();
    assertThat(spec.hasStreamSource()).isFalse();
  }

  @Test
  void pushViewHasStreamAndBatchSource() {
    FeatureViewProto.FeatureViewSpec spec =
        RegistryProtoMapper.toProto(USER_PUSHED, PROJECT).getSpec();
    assertThat(spec.getStreamSource().getType())
        .isEqualTo(DataSourceProto.DataSource.SourceType.PUSH_SOURCE);
    assertThat(spec.getBatchSource().getType())
        .isEqualTo(DataSourceProto.DataSource.SourceType.BATCH_FILE);
    assertThat(spec.hasTtl()).isTrue(); // zero ttl is still written
  }

  @Test
  void entitylessViewUsesFeastDummyEntity() {
    FeatureViewProto.FeatureViewSpec spec =
        RegistryProtoMapper.toProto(GLOBAL_STATS, PROJECT).getSpec();
    assertThat(spec.getEntitiesList()).containsExactly("__dummy");
    assertThat(spec.getEntityColumnsList()).hasSize(1);
    assertThat(spec.getEntityColumns(0).getName()).isEqualTo("__dummy_id");
    assertThat(spec.getEntityColumns(0).getValueType()).isEqualTo(ValueProto.ValueType.Enum.STRING);
  }

  @Test
  void featureServiceProjectionsAsFeastWritesThem() {
    FeatureServiceProto.FeatureServiceSpec spec =
        RegistryProtoMapper.toProto(RISK_SERVICE, PROJECT, CONTENTS).getSpec();
    FeatureReferenceProto.FeatureViewProjection whole = spec.getFeatures(0);
    assertThat(whole.getFeatureViewName()).isEqualTo("user_stats");
    assertThat(whole.getFeatureColumnsCount()).isEqualTo(2);
    assertThat(whole.getViewType()).isEqualTo("featureView");
    assertThat(whole.getBatchSource().getFileOptions().getUri())
        .isEqualTo("data/user_stats.parquet");
    // Feast fills timestamp_field from the source's created-timestamp column.
    assertThat(whole.getTimestampField()).isEqualTo("created");
    FeatureReferenceProto.FeatureViewProjection renamed = spec.getFeatures(1);
    assertThat(renamed.getFeatureViewNameAlias()).isEqualTo("origin");
    assertThat(renamed.getJoinKeyMapMap()).containsEntry("merchant_id", "origin_merchant_id");
    assertThat(spec.getLoggingConfig().getSampleRate()).isEqualTo(0.1f);
    assertThat(spec.getLoggingConfig().getFileDestination().getPath()).isEqualTo("logs/");
    assertThat(spec.getLoggingConfig().getFileDestination().getPartitionByList())
        .containsExactly("day");
  }

  @Test
  void onDemandViewSourcesAndTransformation() {
    OnDemandFeatureViewProto.OnDemandFeatureViewSpec spec =
        RegistryProtoMapper.toProto(RISK_ODFV, PROJECT, CONTENTS).getSpec();
    assertThat(spec.getSourcesMap()).containsOnlyKeys("user_stats", "txn_request");
    assertThat(spec.getSourcesMap().get("user_stats").hasFeatureViewProjection()).isTrue();
    assertThat(spec.getSourcesMap().get("txn_request").getRequestDataSource().getType())
        .isEqualTo(DataSourceProto.DataSource.SourceType.REQUEST_SOURCE);
    var udf = spec.getFeatureTransformation().getUserDefinedFunction();
    assertThat(udf.getName()).isEqualTo("risk_adjusted");
    assertThat(udf.getBodyText()).contains("def risk_adjusted");
    assertThat(udf.getMode()).isEqualTo("python");
    assertThat(spec.getMode()).isEqualTo("python");
    assertThat(spec.getEntitiesList()).containsExactly("__dummy");
  }

  @Test
  void labelViewPolicyIsTheEnum() {
    LabelViewProto.LabelViewSpec spec =
        RegistryProtoMapper.toProto(FRAUD_LABELS, PROJECT).getSpec();
    assertThat(spec.getConflictPolicy())
        .isEqualTo(LabelViewProto.ConflictResolutionPolicy.MAJORITY_VOTE);
    assertThat(spec.getSource().getDataSourceClassType())
        .isEqualTo("feast.infra.offline_stores.file_source.FileSource");
    assertThat(spec.getReferenceFeatureView()).isEqualTo("user_stats");
  }

  @Test
  void withMetaSetsTimestampsAndSpecOfIgnoresThem() {
    Instant created = Instant.parse("2024-01-15T12:00:00Z");
    Instant updated = Instant.parse("2024-01-16T12:00:00.5Z");
    FeatureViewProto.FeatureView view = RegistryProtoMapper.toProto(USER_STATS, PROJECT);
    FeatureViewProto.FeatureView withIntervals =
        view.toBuilder()
            .setMeta(
                view.getMeta().toBuilder()
                    .addMaterializationIntervals(
                        FeatureViewProto.MaterializationInterval.getDefaultInstance()))
            .build();
    FeatureViewProto.FeatureView stored =
        (FeatureViewProto.FeatureView)
            RegistryProtoMapper.withMeta(withIntervals, created, updated);

    assertThat(stored.getMeta().getCreatedTimestamp().getSeconds())
        .isEqualTo(created.getEpochSecond());
    assertThat(stored.getMeta().getLastUpdatedTimestamp().getNanos()).isEqualTo(500_000_000);
    assertThat(stored.getMeta().getMaterializationIntervalsCount()).isEqualTo(1);
    assertThat(RegistryProtoMapper.createdTimestamp(stored)).contains(created);
    assertThat(RegistryProtoMapper.specOf(stored)).isEqualTo(RegistryProtoMapper.specOf(view));
    assertThat(RegistryProtoMapper.specOf(stored))
        .isEqualTo(
            view.getSpec().toBuilder()
                .setBatchSource(view.getSpec().getBatchSource().toBuilder().clearMeta())
                .build());
  }

  @Test
  void dataSourceMetaIsField50() {
    Instant created = Instant.parse("2024-01-15T12:00:00Z");
    DataSourceProto.DataSource proto = RegistryProtoMapper.toProto(FILE_SOURCE, PROJECT);
    DataSourceProto.DataSource stored =
        (DataSourceProto.DataSource) RegistryProtoMapper.withMeta(proto, created, created);
    assertThat(stored.getMeta().getCreatedTimestamp().getSeconds())
        .isEqualTo(created.getEpochSecond());
    assertThat(stored.getMeta().getLastUpdatedTimestamp().getSeconds())
        .isEqualTo(created.getEpochSecond());
    // field 50, length-delimited: tag 50<<3|2 = 402 -> varint 92 03
    String hex = java.util.HexFormat.of().formatHex(stored.toByteArray());
    assertThat(hex).contains("9203");
    assertThat(RegistryProtoMapper.specOf(stored)).isEqualTo(proto.toBuilder().clearMeta().build());
  }

  @Test
  void specOfStripsSourceMetaInsideMaps() {
    Instant created = Instant.parse("2024-01-15T12:00:00Z");
    OnDemandFeatureViewProto.OnDemandFeatureView odfv =
        RegistryProtoMapper.toProto(RISK_ODFV, PROJECT, CONTENTS);
    DataSourceProto.DataSource stamped =
        (DataSourceProto.DataSource)
            RegistryProtoMapper.withMeta(
                odfv.getSpec().getSourcesMap().get("txn_request").getRequestDataSource(),
                created,
                created);
    OnDemandFeatureViewProto.OnDemandFeatureView changed =
        odfv.toBuilder()
            .setSpec(
                odfv.getSpec().toBuilder()
                    .putSources(
                        "txn_request",
                        OnDemandFeatureViewProto.OnDemandSource.newBuilder()
                            .setRequestDataSource(stamped)
                            .build()))
            .build();
    assertThat(RegistryProtoMapper.specOf(changed)).isEqualTo(RegistryProtoMapper.specOf(odfv));
  }

  @Test
  void unsupportedSourceKindIsReported() {
    DataSourceProto.DataSource snowflake =
        DataSourceProto.DataSource.newBuilder()
            .setName("sf")
            .setType(DataSourceProto.DataSource.SourceType.BATCH_SNOWFLAKE)
            .build();
    assertThatThrownBy(() -> RegistryProtoMapper.fromProto(snowflake))
        .isInstanceOf(FeatureStoreException.class)
        .extracting(e -> ((FeatureStoreException) e).code())
        .isEqualTo(ErrorCode.UNSUPPORTED_CONSTRUCT);
  }

  @Test
  void registryObjectsNameEveryObject() {
    assertThat(
            RegistryProtoMapper.toRegistryObjects(CONTENTS).stream()
                .map(o -> o.kind() + ":" + o.name())
                .collect(Collectors.toList()))
        .contains("FEATURE_VIEW:user_stats", "DATA_SOURCE:pg_src", "LABEL_VIEW:fraud_labels");
  }

  @SuppressWarnings("unchecked")
  private static <T extends Message> T reparse(T message) throws Exception {
    return (T) message.getParserForType().parseFrom(message.toByteArray());
  }
}
