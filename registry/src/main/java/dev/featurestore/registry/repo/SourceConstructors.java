package dev.featurestore.registry.repo;

import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Field;
import dev.featurestore.registry.repo.FeastObjects.SourceObject;
import java.time.Duration;
import java.util.Map;

/**
 * Feast's data source classes: {@code FileSource}, {@code BigQuerySource},
 * {@code PostgreSQLSource}, {@code PushSource}, {@code RequestSource}, {@code KafkaSource} and the
 * stream and file formats (Feast's {@code data_source.py}, {@code data_format.py},
 * {@code infra/offline_stores/file_source.py}, {@code bigquery_source.py}, {@code postgres_source.py}).
 */
final class SourceConstructors {
  /** {@code JsonFormat(schema_json=...)} and friends. */
  record StreamFormat(String kind, String schema) {}

  /** {@code ParquetFormat()}, {@code DeltaFormat()}. */
  record FileFormat(String kind) {}

  private SourceConstructors() {}

  static void register(Map<String, Object> names) {
    names.put("FileSource", new Builtin(Signature.keywordOnly("FileSource", "path!", "name",
        "event_timestamp_column", "file_format", "created_timestamp_column", "field_mapping",
        "s3_endpoint_override", "description", "tags", "owner", "timestamp_field", "connection_ref"),
        SourceConstructors::fileSource));
    names.put("BigQuerySource", new Builtin(Signature.keywordOnly("BigQuerySource", "name",
        "timestamp_field", "table", "created_timestamp_column", "field_mapping", "date_partition_column",
        "timestamp_field_type", "query", "description", "tags", "owner", "connection_ref"),
        args -> tableOrQuery(args, "BigQuerySource")));
    names.put("PostgreSQLSource", new Builtin(Signature.positional("PostgreSQLSource", "name", "query",
        "table", "timestamp_field", "created_timestamp_column", "field_mapping", "description", "tags",
        "owner", "connection_ref"), args -> tableOrQuery(args, "PostgreSQLSource")));
    names.put("PushSource", new Builtin(Signature.keywordOnly("PushSource", "name!", "batch_source",
        "description", "tags", "owner"), SourceConstructors::pushSource));
    names.put("RequestSource", new Builtin(Signature.keywordOnly("RequestSource", "name!", "schema!",
        "timestamp_field", "description", "tags", "owner"), SourceConstructors::requestSource));
    names.put("KafkaSource", new Builtin(Signature.keywordOnly("KafkaSource", "name!", "timestamp_field!",
        "message_format!", "bootstrap_servers", "kafka_bootstrap_servers", "topic", "created_timestamp_column",
        "field_mapping", "description", "tags", "owner", "batch_source", "watermark_delay_threshold"),
        SourceConstructors::kafkaSource));
    names.put("JsonFormat", new Builtin(Signature.keywordOnly("JsonFormat", "schema_json!"),
        args -> new StreamFormat("json", args.string("schema_json", ""))));
    names.put("AvroFormat", new Builtin(Signature.keywordOnly("AvroFormat", "schema_json!"),
        args -> new StreamFormat("avro", args.string("schema_json", ""))));
    names.put("ProtoFormat", new Builtin(Signature.keywordOnly("ProtoFormat", "class_path!"),
        args -> new StreamFormat("proto", args.string("class_path", ""))));
    names.put("ParquetFormat", new Builtin(Signature.keywordOnly("ParquetFormat"), args -> new FileFormat("parquet")));
    names.put("DeltaFormat", new Builtin(Signature.keywordOnly("DeltaFormat"), args -> new FileFormat("delta")));
  }

  private static Object fileSource(BoundArguments args) {
    String path = args.string("path", "");
    String name = args.string("name", "");
    String format = args.optional("file_format", FileFormat.class, "FileFormat").map(FileFormat::kind).orElse("parquet");
    DataSource source = new DataSource(
        name.isEmpty() ? path : name,
        timestampField(args),
        args.string("created_timestamp_column", ""),
        "",
        args.stringMap("field_mapping"),
        args.metadata(),
        new DataSource.FileOptions(path, format, args.string("s3_endpoint_override", "")));
    return new SourceObject(source, null, args.callLocation());
  }

  private static String timestampField(BoundArguments args) {
    String field = args.string("timestamp_field", "");
    return field.isEmpty() ? args.string("event_timestamp_column", "") : field;
  }

  private static Object tableOrQuery(BoundArguments args, String kind) {
    String table = args.string("table", "");
    String query = args.string("query", "");
    if (table.isEmpty() && query.isEmpty()) {
      throw args.invalid("name", kind + " needs a table= or a query= argument");
    }
    String name = args.string("name", "");
    if (name.isEmpty()) {
      if (table.isEmpty()) {
        throw args.invalid("query", kind + " reading a query needs a name= argument");
      }
      name = table;
    }
    DataSource.Options options = kind.equals("BigQuerySource")
        ? new DataSource.BigQueryOptions(table, query)
        : new DataSource.PostgresOptions(table, query);
    DataSource source = new DataSource(name, args.string("timestamp_field", ""),
        args.string("created_timestamp_column", ""), args.string("date_partition_column", ""),
        args.stringMap("field_mapping"), args.metadata(), options);
    return new SourceObject(source, null, args.callLocation());
  }

  /** The {@code batch_source=} of a push, Kafka or CDC source: a batch source, or null if absent and optional. */
  static SourceObject batchSource(BoundArguments args, String kind, String name, boolean required) {
    if (!args.has("batch_source")) {
      if (required) {
        throw args.invalid("name", kind + " '" + name + "' needs a batch_source here");
      }
      return null;
    }
    SourceObject batch = args.get("batch_source", SourceObject.class, "a batch data source");
    if (batch.batchSource != null || batch.source.options() instanceof DataSource.RequestOptions) {
      throw args.invalid("batch_source", "batch_source of " + kind + " '" + name + "' must be a batch source, not a " + batch.kind());
    }
    return batch;
  }

  private static Object pushSource(BoundArguments args) {
    String name = Names.required(args, "PushSource");
    SourceObject batch = batchSource(args, "PushSource", name, true);
    DataSource source = new DataSource(name, "", "", "", Map.of(), args.metadata(),
        new DataSource.PushOptions(batch.source));
    return new SourceObject(source, batch, args.callLocation());
  }

  private static Object requestSource(BoundArguments args) {
    String name = Names.required(args, "RequestSource");
    DataSource source = new DataSource(name, args.string("timestamp_field", ""), "", "", Map.of(),
        args.metadata(), new DataSource.RequestOptions(args.listOf("schema", Field.class, "Field")));
    return new SourceObject(source, null, args.callLocation());
  }

  private static Object kafkaSource(BoundArguments args) {
    String name = Names.required(args, "KafkaSource");
    SourceObject batch = batchSource(args, "KafkaSource", name, false);
    StreamFormat format = args.get("message_format", StreamFormat.class, "a stream format (JsonFormat, AvroFormat, ProtoFormat)");
    String servers = args.string("kafka_bootstrap_servers", args.string("bootstrap_servers", ""));
    Duration watermark = args.duration("watermark_delay_threshold").orElse(Duration.ZERO);
    DataSource source = new DataSource(name, args.string("timestamp_field", ""),
        args.string("created_timestamp_column", ""), "", args.stringMap("field_mapping"), args.metadata(),
        new DataSource.KafkaOptions(servers, args.string("topic", ""), format.kind(), format.schema(), watermark,
            batch == null ? null : batch.source));
    return new SourceObject(source, batch, args.callLocation());
  }
}
