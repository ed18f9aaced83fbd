package dev.featurestore.core.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Feast data source. The attributes every source has are components; what differs by kind lives
 * in {@link Options}, mirroring the {@code options} oneof of Feast's {@code DataSource} proto.
 *
 * @param timestampField event-time column ("" when the kind has none, e.g. request sources)
 * @param createdTimestampColumn tie-break column among rows with equal event time ("" if none)
 * @param fieldMapping source column name to feature/entity name
 */
public record DataSource(
    String name,
    String timestampField,
    String createdTimestampColumn,
    String datePartitionColumn,
    Map<String, String> fieldMapping,
    Metadata metadata,
    Options options) {

  public DataSource {
    requireNonNull(name, "name is null");
    timestampField = timestampField == null ? "" : timestampField;
    createdTimestampColumn = createdTimestampColumn == null ? "" : createdTimestampColumn;
    datePartitionColumn = datePartitionColumn == null ? "" : datePartitionColumn;
    fieldMapping = Map.copyOf(fieldMapping == null ? Map.of() : fieldMapping);
    metadata = metadata == null ? Metadata.EMPTY : metadata;
    requireNonNull(options, "options is null");
  }

  /** The Python class name Feast users write, for messages ("FileSource", "PushSource"...). */
  public String kindName() {
    return options.kindName();
  }

  /** The batch source behind a push or stream source, if any. */
  public Optional<DataSource> batchSource() {
    if (options instanceof PushOptions push) {
      return Optional.of(push.batchSource());
    }
    if (options instanceof KafkaOptions kafka) {
      return Optional.ofNullable(kafka.batchSource());
    }
    if (options instanceof PostgresCdcOptions cdc) {
      return Optional.of(cdc.batchSource());
    }
    return Optional.empty();
  }

  /** What differs between source kinds. */
  public sealed interface Options {
    String kindName();
  }

  /** {@code FileSource}: a Parquet (or Delta) file or folder. */
  public record FileOptions(String path, String fileFormat, String s3EndpointOverride)
      implements Options {
    public FileOptions {
      requireNonNull(path, "path is null");
      fileFormat = fileFormat == null || fileFormat.isEmpty() ? "parquet" : fileFormat;
      s3EndpointOverride = s3EndpointOverride == null ? "" : s3EndpointOverride;
    }

    @Override
    public String kindName() {
      return "FileSource";
    }
  }

  /** {@code BigQuerySource}: exactly one of table ({@code project.dataset.table}) or query. */
  public record BigQueryOptions(String table, String query) implements Options {
    public BigQueryOptions {
      table = table == null ? "" : table;
      query = query == null ? "" : query;
    }

    @Override
    public String kindName() {
      return "BigQuerySource";
    }
  }

  /** {@code PostgreSQLSource}: a table or a query. Stored by Feast as a custom source. */
  public record PostgresOptions(String table, String query) implements Options {
    public PostgresOptions {
      table = table == null ? "" : table;
      query = query == null ? "" : query;
    }

    @Override
    public String kindName() {
      return "PostgreSQLSource";
    }
  }

  /** {@code PushSource}: rows pushed through the API; backfilled from {@code batchSource}. */
  public record PushOptions(DataSource batchSource) implements Options {
    public PushOptions {
      requireNonNull(batchSource, "batchSource is null");
    }

    @Override
    public String kindName() {
      return "PushSource";
    }
  }

  /** {@code RequestSource}: values supplied in the request, for on-demand views. */
  public record RequestOptions(List<Field> schema) implements Options {
    public RequestOptions {
      schema = List.copyOf(schema);
    }

    @Override
    public String kindName() {
      return "RequestSource";
    }
  }

  /**
   * {@code KafkaSource}. {@code messageFormat} is "json", "avro" or "proto"; {@code batchSource}
   * may be null.
   */
  public record KafkaOptions(
      String bootstrapServers,
      String topic,
      String messageFormat,
      String messageSchema,
      Duration watermarkDelayThreshold,
      DataSource batchSource)
      implements Options {
    public KafkaOptions {
      bootstrapServers = bootstrapServers == null ? "" : bootstrapServers;
      topic = topic == null ? "" : topic;
      messageFormat = messageFormat == null ? "json" : messageFormat;
      messageSchema = messageSchema == null ? "" : messageSchema;
      watermarkDelayThreshold =
          watermarkDelayThreshold == null ? Duration.ZERO : watermarkDelayThreshold;
    }

    @Override
    public String kindName() {
      return "KafkaSource";
    }
  }

  /**
   * {@code PostgresCdcSource}, this project's own: changes of a PostgreSQL table followed through
   * logical replication (Debezium, pgoutput). Inserts and updates write the row's features,
   * deletes remove them. The database is the one {@code materializer.streaming.cdc} in
   * feature_store.yaml names. Stored as a Feast custom source.
   *
   * @param table {@code schema.table}, or a table in {@code public}
   * @param watermarkDelayThreshold how late an event may arrive and still count in a window
   * @param batchSource where the same rows are read for materialization and training
   */
  public record PostgresCdcOptions(
      String table, Duration watermarkDelayThreshold, DataSource batchSource) implements Options {
    public PostgresCdcOptions {
      requireNonNull(table, "table is null");
      watermarkDelayThreshold =
          watermarkDelayThreshold == null ? Duration.ZERO : watermarkDelayThreshold;
      requireNonNull(batchSource, "batchSource is null");
    }

    /** The table with its schema: {@code public.users} for {@code users}. */
    public String qualifiedTable() {
      return table.contains(".") ? table : "public." + table;
    }

    @Override
    public String kindName() {
      return "PostgresCdcSource";
    }
  }
}
