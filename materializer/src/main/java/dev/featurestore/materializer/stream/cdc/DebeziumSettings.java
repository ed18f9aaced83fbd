package dev.featurestore.materializer.stream.cdc;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.materializer.stream.CdcConfig;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The embedded engine's and PostgreSQL connector's properties the reader runs with. */
final class DebeziumSettings {
  /** Fixed: nothing is published to Kafka, but the connector requires a prefix. */
  static final String TOPIC_PREFIX = "featurestore";

  private static final int MIN_QUEUE_SIZE = 8_192;

  private DebeziumSettings() {}

  /**
   * Debezium's {@code snapshot.mode} for {@link CdcConfig#snapshot()}: {@code never} (Debezium
   * 1.x's name, now {@code no_data}) or {@code initial}.
   */
  static String snapshotMode(String snapshot) {
    return switch (snapshot.toLowerCase(Locale.ROOT)) {
      case "never", "no_data" -> "no_data";
      case "initial" -> "initial";
      default ->
          throw new FeatureStoreException(
              ErrorCode.INVALID_CONFIG,
              "materializer.streaming.cdc.snapshot: '"
                  + snapshot
                  + "' is not a snapshot mode; use 'never' (only changes from the first start"
                  + " on) or 'initial' (first copy every followed row)");
    };
  }

  static Properties properties(
      CdcConfig config,
      Collection<String> tables,
      Path offsetsFile,
      int batchSize,
      String snapshotMode) {
    Properties properties = new Properties();
    properties.setProperty("name", "featurestore-cdc");
    properties.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    properties.setProperty("topic.prefix", TOPIC_PREFIX);
    // Offsets: a local file, written at most every second and when the engine stops.
    properties.setProperty(
        "offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
    properties.setProperty("offset.storage.file.filename", offsetsFile.toString());
    properties.setProperty("offset.flush.interval.ms", "1000");
    properties.setProperty("database.hostname", config.host());
    properties.setProperty("database.port", Integer.toString(config.port()));
    properties.setProperty("database.user", config.user());
    properties.setProperty("database.password", config.password());
    properties.setProperty("database.dbname", config.database());
    properties.setProperty("plugin.name", "pgoutput");
    properties.setProperty("slot.name", config.slotName());
    properties.setProperty("publication.name", config.publicationName());
    // Publish only the followed tables, and adjust the publication when they change.
    properties.setProperty("publication.autocreate.mode", "filtered");
    properties.setProperty("table.include.list", includeList(tables));
    properties.setProperty("snapshot.mode", snapshotMode);
    properties.setProperty("tombstones.on.delete", "false");
    properties.setProperty("decimal.handling.mode", "double");
    properties.setProperty("interval.handling.mode", "string");
    properties.setProperty("max.batch.size", Integer.toString(batchSize));
    properties.setProperty(
        "max.queue.size", Integer.toString(Math.max(MIN_QUEUE_SIZE, 4 * batchSize)));
    // An idle queue is polled every 10 ms, so a change waits at most that long for a batch (the
    // default 500 ms, or 100 ms, was most of the commit-to-online lag in CdcLagBenchmark).
    properties.setProperty("poll.interval.ms", "10");
    // Connection errors end the engine instead of restarting it inside Debezium: the reader
    // restarts it, so it can report the outage through isRunning() and lastError().
    properties.setProperty("errors.max.retries", "0");
    // Status updates every second: PostgreSQL learns the confirmed position sooner, and a server
    // shutting down (which waits for the client to confirm the WAL it was sent) ends the stream
    // within a second instead of ten.
    properties.setProperty("status.update.interval.ms", "1000");
    // A slot still held by the previous engine's server process is retried every second.
    properties.setProperty("slot.retry.delay.ms", "1000");
    properties.setProperty("slot.max.retries", "10");
    // No transformations run, so one thread converts records.
    properties.setProperty("record.processing.threads", "1");
    return properties;
  }

  /** Exact names: the include list holds regular expressions matched against schema.table. */
  private static String includeList(Collection<String> tables) {
    return tables.stream().sorted().map(Pattern::quote).collect(Collectors.joining(","));
  }
}
