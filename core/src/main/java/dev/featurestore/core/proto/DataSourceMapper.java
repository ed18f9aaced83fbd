package dev.featurestore.core.proto;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import feast.proto.core.DataFormatProto.FileFormat;
import feast.proto.core.DataFormatProto.StreamFormat;
import feast.proto.core.DataFormatProto.TableFormat;
import feast.proto.core.DataSourceProto;
import feast.proto.core.DataSourceProto.DataSource.SourceType;
import feast.proto.core.FeatureProto.FeatureSpecV2;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps data sources to {@code feast.core.DataSource} as Feast's Python classes write them ({@code
 * data_source.py}, {@code file_source.py}, {@code bigquery_source.py}, {@code postgres_source.py}).
 * Feast sets {@code data_source_class_type} on top-level sources and on a view's batch/stream
 * source, but not on the batch source nested in a push or Kafka source (except custom sources such
 * as PostgreSQL, which always name their class). Every source carries an empty {@code meta} (field
 * 50) as Feast's {@code to_proto} leaves it.
 *
 * <p>This project's own {@code PostgresCdcSource} is stored the way Feast stores any custom source
 * (Feast's {@code CUSTOM_SOURCE} contract in {@code data_source.py}): type {@code CUSTOM_SOURCE},
 * {@code data_source_class_type} {@code featurestore.PostgresCdcSource}, its settings as a JSON
 * object in {@code custom_options.configuration} (see {@link #cdcConfiguration}), the event-time
 * columns and field mapping at top level and its batch source in {@code batch_source}, as Feast
 * nests a Kafka source's.
 */
public final class DataSourceMapper {

  static final String FILE_CLASS = "feast.infra.offline_stores.file_source.FileSource";
  static final String BIGQUERY_CLASS = "feast.infra.offline_stores.bigquery_source.BigQuerySource";
  static final String POSTGRES_CLASS =
      "feast.infra.offline_stores.contrib.postgres_offline_store.postgres_source.PostgreSQLSource";
  static final String PUSH_CLASS = "feast.data_source.PushSource";
  static final String REQUEST_CLASS = "feast.data_source.RequestSource";
  static final String KAFKA_CLASS = "feast.data_source.KafkaSource";
  static final String POSTGRES_CDC_CLASS = "featurestore.PostgresCdcSource";
  static final String CDC_TABLE = "table";
  static final String CDC_WATERMARK = "watermark_delay_threshold_seconds";

  private DataSourceMapper() {}

  /** A source as registered on its own: project and class type set. */
  public static DataSourceProto.DataSource toProto(DataSource source, String project) {
    return build(source, true).setProject(project).build();
  }

  /** A view's batch or stream source: class type set, no project. */
  static DataSourceProto.DataSource toViewSourceProto(DataSource source) {
    return build(source, true).build();
  }

  /** As Feast's plain {@code to_proto()}: no project, class type only for custom sources. */
  static DataSourceProto.DataSource toPlainProto(DataSource source) {
    return build(source, false).build();
  }

  private static DataSourceProto.DataSource.Builder build(DataSource source, boolean classType) {
    Metadata metadata = source.metadata();
    DataSourceProto.DataSource.Builder proto =
        DataSourceProto.DataSource.newBuilder()
            .setName(source.name())
            .setDescription(metadata.description())
            .putAllTags(metadata.tags())
            .setOwner(metadata.owner())
            .setMeta(DataSourceProto.DataSource.SourceMeta.getDefaultInstance());
    String className = fillOptions(source, proto);
    if (classType || proto.getType() == SourceType.CUSTOM_SOURCE) {
      proto.setDataSourceClassType(className);
    }
    return proto;
  }

  // Writes the kind-specific fields; returns the Python class name.
  private static String fillOptions(DataSource source, DataSourceProto.DataSource.Builder proto) {
    DataSource.Options options = source.options();
    if (options instanceof DataSource.FileOptions file) {
      proto.setType(SourceType.BATCH_FILE).setFileOptions(fileOptions(file));
      batchColumns(source, proto);
      return FILE_CLASS;
    }
    if (options instanceof DataSource.BigQueryOptions bigQuery) {
      proto
          .setType(SourceType.BATCH_BIGQUERY)
          .setBigqueryOptions(
              DataSourceProto.DataSource.BigQueryOptions.newBuilder()
                  .setTable(bigQuery.table())
                  .setQuery(bigQuery.query()));
      batchColumns(source, proto);
      return BIGQUERY_CLASS;
    }
    if (options instanceof DataSource.PostgresOptions postgres) {
      proto
          .setType(SourceType.CUSTOM_SOURCE)
          .setCustomOptions(
              DataSourceProto.DataSource.CustomSourceOptions.newBuilder()
                  .setConfiguration(
                      com.google.protobuf.ByteString.copyFrom(
                          postgresConfiguration(source.name(), postgres), StandardCharsets.UTF_8)));
      batchColumns(source, proto);
      return POSTGRES_CLASS;
    }
    if (options instanceof DataSource.PushOptions push) {
      proto.setType(SourceType.PUSH_SOURCE);
      DataSource batch = push.batchSource();
      // Feast copies the batch source's columns unless the push source has its own.
      boolean ownColumns =
          !source.timestampField().isEmpty()
              || !source.createdTimestampColumn().isEmpty()
              || !source.fieldMapping().isEmpty();
      batchColumns(ownColumns ? source : batch, proto);
      proto.setBatchSource(toPlainProto(batch));
      return PUSH_CLASS;
    }
    if (options instanceof DataSource.RequestOptions request) {
      proto.setType(SourceType.REQUEST_SOURCE).setTimestampField(source.timestampField());
      DataSourceProto.DataSource.RequestDataOptions.Builder schema =
          DataSourceProto.DataSource.RequestDataOptions.newBuilder();
      request.schema().forEach(field -> schema.addSchema(FeastTypeMapper.toProto(field)));
      proto.setRequestDataOptions(schema);
      return REQUEST_CLASS;
    }
    if (options instanceof DataSource.KafkaOptions kafka) {
      proto.setType(SourceType.STREAM_KAFKA).setKafkaOptions(kafkaOptions(kafka));
      batchColumns(source, proto);
      if (kafka.batchSource() != null) {
        proto.setBatchSource(toPlainProto(kafka.batchSource()));
      }
      return KAFKA_CLASS;
    }
    if (options instanceof DataSource.PostgresCdcOptions cdc) {
      proto
          .setType(SourceType.CUSTOM_SOURCE)
          .setCustomOptions(
              DataSourceProto.DataSource.CustomSourceOptions.newBuilder()
                  .setConfiguration(
                      com.google.protobuf.ByteString.copyFrom(
                          cdcConfiguration(source.name(), cdc), StandardCharsets.UTF_8)));
      batchColumns(source, proto);
      proto.setBatchSource(toPlainProto(cdc.batchSource()));
      return POSTGRES_CDC_CLASS;
    }
    throw new IllegalArgumentException("unsupported data source kind " + source.kindName());
  }

  private static void batchColumns(DataSource from, DataSourceProto.DataSource.Builder proto) {
    proto
        .setTimestampField(from.timestampField())
        .setCreatedTimestampColumn(from.createdTimestampColumn())
        .setDatePartitionColumn(from.datePartitionColumn())
        .putAllFieldMapping(from.fieldMapping());
  }

  private static DataSourceProto.DataSource.FileOptions fileOptions(DataSource.FileOptions file) {
    FileFormat.Builder format = FileFormat.newBuilder();
    if (file.fileFormat().equals("delta")) {
      format.setDeltaFormat(TableFormat.DeltaFormat.getDefaultInstance());
    } else {
      format.setParquetFormat(FileFormat.ParquetFormat.getDefaultInstance());
    }
    return DataSourceProto.DataSource.FileOptions.newBuilder()
        .setFileFormat(format)
        .setUri(file.path())
        .setS3EndpointOverride(file.s3EndpointOverride())
        .build();
  }

  /**
   * Feast's {@code PostgreSQLOptions.to_proto()}: {@code json.dumps({"name", "query", "table"})}.
   */
  static String postgresConfiguration(String name, DataSource.PostgresOptions postgres) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("name", name);
    config.put("query", postgres.query());
    config.put("table", postgres.table());
    return PythonJson.write(config);
  }

  /**
   * A {@code PostgresCdcSource}'s configuration: {@code {"name", "table",
   * "watermark_delay_threshold_seconds"}}, all strings (the delay in decimal seconds, "0" when
   * none), in {@code json.dumps} form like Feast's own custom sources.
   */
  static String cdcConfiguration(String name, DataSource.PostgresCdcOptions cdc) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("name", name);
    config.put(CDC_TABLE, cdc.table());
    config.put(CDC_WATERMARK, seconds(cdc.watermarkDelayThreshold()));
    return PythonJson.write(config);
  }

  private static String seconds(java.time.Duration duration) {
    return new java.math.BigDecimal(duration.toNanos())
        .movePointLeft(9)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static DataSource.PostgresCdcOptions cdcOptions(
      DataSourceProto.DataSource proto, Map<String, String> config) {
    if (!proto.hasBatchSource()) {
      throw new FeatureStoreException(
          ErrorCode.CORRUPT_REGISTRY,
          "PostgresCdcSource " + proto.getName() + " has no batch source");
    }
    String table = config.getOrDefault(CDC_TABLE, "");
    java.time.Duration watermark;
    try {
      String seconds = config.getOrDefault(CDC_WATERMARK, "");
      watermark =
          seconds.isEmpty()
              ? java.time.Duration.ZERO
              : java.time.Duration.ofNanos(
                  new java.math.BigDecimal(seconds).movePointRight(9).longValueExact());
    } catch (ArithmeticException | NumberFormatException e) {
      throw new FeatureStoreException(
          ErrorCode.CORRUPT_REGISTRY,
          "PostgresCdcSource " + proto.getName() + " has an unreadable " + CDC_WATERMARK,
          e);
    }
    return new DataSource.PostgresCdcOptions(table, watermark, fromProto(proto.getBatchSource()));
  }

  private static DataSourceProto.DataSource.KafkaOptions kafkaOptions(
      DataSource.KafkaOptions kafka) {
    StreamFormat.Builder format = StreamFormat.newBuilder();
    switch (kafka.messageFormat()) {
      case "avro" ->
          format.setAvroFormat(
              StreamFormat.AvroFormat.newBuilder().setSchemaJson(kafka.messageSchema()));
      case "proto" ->
          format.setProtoFormat(
              StreamFormat.ProtoFormat.newBuilder().setClassPath(kafka.messageSchema()));
      default ->
          format.setJsonFormat(
              StreamFormat.JsonFormat.newBuilder().setSchemaJson(kafka.messageSchema()));
    }
    DataSourceProto.DataSource.KafkaOptions.Builder options =
        DataSourceProto.DataSource.KafkaOptions.newBuilder()
            .setKafkaBootstrapServers(kafka.bootstrapServers())
            .setTopic(kafka.topic())
            .setMessageFormat(format);
    // Feast turns a zero threshold into None, which leaves the field unset.
    if (!kafka.watermarkDelayThreshold().isZero()) {
      options.setWatermarkDelayThreshold(ProtoTime.toProto(kafka.watermarkDelayThreshold()));
    }
    return options.build();
  }

  /**
   * Reads a source as Feast's {@code DataSource.from_proto} does. Kinds this project does not model
   * (Snowflake, Redshift, Spark, Kinesis, other custom sources) are refused.
   *
   * @throws FeatureStoreException UNSUPPORTED_CONSTRUCT for such kinds
   */
  public static DataSource fromProto(DataSourceProto.DataSource proto) {
    Metadata metadata = new Metadata(proto.getDescription(), proto.getTagsMap(), proto.getOwner());
    DataSource.Options options;
    String timestampField = proto.getTimestampField();
    String createdColumn = proto.getCreatedTimestampColumn();
    String partitionColumn = proto.getDatePartitionColumn();
    Map<String, String> fieldMapping = proto.getFieldMappingMap();
    String name = proto.getName();
    switch (proto.getType()) {
      case BATCH_FILE -> options = fileOptions(proto.getFileOptions());
      case BATCH_BIGQUERY ->
          options =
              new DataSource.BigQueryOptions(
                  proto.getBigqueryOptions().getTable(), proto.getBigqueryOptions().getQuery());
      case CUSTOM_SOURCE -> {
        String classType = proto.getDataSourceClassType();
        if (!POSTGRES_CLASS.equals(classType) && !POSTGRES_CDC_CLASS.equals(classType)) {
          throw unsupported(proto);
        }
        Map<String, String> config =
            PythonJson.readObject(proto.getCustomOptions().getConfiguration().toStringUtf8());
        if (POSTGRES_CDC_CLASS.equals(classType)) {
          options = cdcOptions(proto, config);
        } else {
          options =
              new DataSource.PostgresOptions(
                  config.getOrDefault("table", ""), config.getOrDefault("query", ""));
          // Feast takes the name from the configuration, falling back to the table when the
          // repository gave none (the proto's own name field is not read).
          String configName = config.getOrDefault("name", "");
          String table = config.getOrDefault("table", "");
          name = !configName.isEmpty() ? configName : !table.isEmpty() ? table : name;
        }
      }
      case PUSH_SOURCE -> {
        if (!proto.hasBatchSource()) {
          throw new FeatureStoreException(
              ErrorCode.CORRUPT_REGISTRY, "push source " + name + " has no batch source");
        }
        options = new DataSource.PushOptions(fromProto(proto.getBatchSource()));
        // Feast's PushSource.from_proto ignores the columns copied from its batch source.
        timestampField = "";
        createdColumn = "";
        partitionColumn = "";
        fieldMapping = Map.of();
      }
      case REQUEST_SOURCE -> {
        List<Field> schema = new ArrayList<>();
        for (FeatureSpecV2 spec : proto.getRequestDataOptions().getSchemaList()) {
          schema.add(FeastTypeMapper.fromProto(spec));
        }
        options = new DataSource.RequestOptions(schema);
      }
      case STREAM_KAFKA -> options = kafkaOptions(proto);
      default -> throw unsupported(proto);
    }
    return new DataSource(
        name, timestampField, createdColumn, partitionColumn, fieldMapping, metadata, options);
  }

  private static DataSource.FileOptions fileOptions(DataSourceProto.DataSource.FileOptions file) {
    String format = file.getFileFormat().hasDeltaFormat() ? "delta" : "parquet";
    return new DataSource.FileOptions(file.getUri(), format, file.getS3EndpointOverride());
  }

  private static DataSource.KafkaOptions kafkaOptions(DataSourceProto.DataSource proto) {
    DataSourceProto.DataSource.KafkaOptions kafka = proto.getKafkaOptions();
    StreamFormat format = kafka.getMessageFormat();
    String messageFormat;
    String schema;
    switch (format.getFormatCase()) {
      case AVRO_FORMAT -> {
        messageFormat = "avro";
        schema = format.getAvroFormat().getSchemaJson();
      }
      case PROTO_FORMAT -> {
        messageFormat = "proto";
        schema = format.getProtoFormat().getClassPath();
      }
      default -> {
        messageFormat = "json";
        schema = format.getJsonFormat().getSchemaJson();
      }
    }
    return new DataSource.KafkaOptions(
        kafka.getKafkaBootstrapServers(),
        kafka.getTopic(),
        messageFormat,
        schema,
        ProtoTime.fromProto(kafka.getWatermarkDelayThreshold()),
        proto.hasBatchSource() ? fromProto(proto.getBatchSource()) : null);
  }

  private static FeatureStoreException unsupported(DataSourceProto.DataSource proto) {
    String kind =
        proto.getDataSourceClassType().isEmpty()
            ? proto.getType().name()
            : proto.getDataSourceClassType();
    return new FeatureStoreException(
        ErrorCode.UNSUPPORTED_CONSTRUCT,
        "data source "
            + proto.getName()
            + " is of a kind this feature store does not support: "
            + kind);
  }
}
