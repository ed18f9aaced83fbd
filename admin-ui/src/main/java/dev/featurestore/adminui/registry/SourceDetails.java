package dev.featurestore.adminui.registry;

import dev.featurestore.adminui.web.Formats;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.DataSource.BigQueryOptions;
import dev.featurestore.core.model.DataSource.FileOptions;
import dev.featurestore.core.model.DataSource.KafkaOptions;
import dev.featurestore.core.model.DataSource.PostgresCdcOptions;
import dev.featurestore.core.model.DataSource.PostgresOptions;
import dev.featurestore.core.model.DataSource.PushOptions;
import dev.featurestore.core.model.DataSource.RequestOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/** The kind-specific settings of a data source as label/value pairs for its page. */
final class SourceDetails {

  private static final Formats FORMATS = new Formats();

  private SourceDetails() {}

  static Map<String, String> of(DataSource source) {
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put("Kind", source.kindName());
    DataSource.Options options = source.options();
    if (options instanceof FileOptions file) {
      rows.put("Path", file.path());
      rows.put("Format", file.fileFormat());
      putIfSet(rows, "S3 endpoint", file.s3EndpointOverride());
    } else if (options instanceof BigQueryOptions bigQuery) {
      putIfSet(rows, "Table", bigQuery.table());
      putIfSet(rows, "Query", bigQuery.query());
    } else if (options instanceof PostgresOptions postgres) {
      putIfSet(rows, "Table", postgres.table());
      putIfSet(rows, "Query", postgres.query());
    } else if (options instanceof PushOptions push) {
      rows.put("Batch source", push.batchSource().name());
    } else if (options instanceof RequestOptions request) {
      rows.put("Request fields", String.valueOf(request.schema().size()));
    } else if (options instanceof PostgresCdcOptions cdc) {
      rows.put("Table", cdc.qualifiedTable());
      rows.put("Watermark delay", cdc.watermarkDelayThreshold().isZero() ? "none" : FORMATS.duration(cdc.watermarkDelayThreshold()));
      rows.put("Batch source", cdc.batchSource().name());
    } else if (options instanceof KafkaOptions kafka) {
      rows.put("Bootstrap servers", kafka.bootstrapServers());
      rows.put("Topic", kafka.topic());
      rows.put("Message format", kafka.messageFormat());
      putIfSet(rows, "Message schema", kafka.messageSchema());
      if (!kafka.watermarkDelayThreshold().isZero()) {
        rows.put("Watermark delay", FORMATS.duration(kafka.watermarkDelayThreshold()));
      }
      if (kafka.batchSource() != null) {
        rows.put("Batch source", kafka.batchSource().name());
      }
    }
    putIfSet(rows, "Timestamp field", source.timestampField());
    putIfSet(rows, "Created timestamp column", source.createdTimestampColumn());
    putIfSet(rows, "Date partition column", source.datePartitionColumn());
    return rows;
  }

  private static void putIfSet(Map<String, String> rows, String label, String value) {
    if (!value.isEmpty()) {
      rows.put(label, value);
    }
  }
}
