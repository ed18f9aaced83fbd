package dev.featurestore.materializer.stream.kafka;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.materializer.stream.StreamPosition;
import dev.featurestore.materializer.stream.StreamReader;
import dev.featurestore.materializer.stream.StreamRecordHandler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the topic of one Feast {@code KafkaSource} with JSON messages ({@code JsonFormat}; Avro and
 * Protobuf are refused at start) and hands each message over as an {@code INSERT} record.
 *
 * <p>Every partition of the topic is assigned by hand, without a consumer group: offsets are never
 * committed to Kafka, because the handler's checkpoint is the truth. Each partition starts after
 * its {@code resumeAfter} offset, or at the earliest offset Kafka still has. When the handler
 * throws, the same records are handed over again after 1 s, then 2 s, growing to 30 s, until it
 * succeeds or the reader closes. When the broker cannot be reached, {@link #isRunning()} turns
 * false, {@link #lastError()} says why and the reader keeps reconnecting with the same backoff. An
 * idle reader asks the broker for the end offsets every 10 s, which is how it notices an outage; it
 * also picks up partitions added to the topic.
 *
 * <p>Messages are decoded as Feast's {@code spark_kafka_processor.py} reads them: the value as one
 * JSON object, the key ignored, with {@code schema_json} (Spark DDL) choosing and typing the
 * columns. Unlike that processor, which starts at the latest offset and turns a malformed message
 * into a row of nulls, the reader starts at the earliest offset on a first start (materialization
 * and the checkpoint decide what is new) and reports a malformed message through {@link
 * StreamRecordHandler#rejected} with its topic, partition, offset and field. {@code committedAt} is
 * the Kafka record's timestamp. Thread-safe.
 */
public final class KafkaSourceReader implements StreamReader {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceReader.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

  private final DataSource source;
  private final DataSource.KafkaOptions options;
  private final Map<String, String> extraConsumerSettings;
  private final int batchSize;
  private KafkaPollLoop loop;
  private Thread thread;
  private boolean closed;

  /**
   * @param source a {@code KafkaSource}
   * @param extraConsumerSettings Kafka consumer properties ({@code materializer.streaming.kafka});
   *     they win over the source's {@code kafka_bootstrap_servers}, except that the reader always
   *     assigns partitions itself and never commits offsets
   * @param batchSize most records per {@link StreamRecordHandler#handle} call
   */
  public KafkaSourceReader(
      DataSource source, Map<String, String> extraConsumerSettings, int batchSize) {
    requireNonNull(source, "source is null");
    if (!(source.options() instanceof DataSource.KafkaOptions kafka)) {
      throw new IllegalArgumentException(
          "data source " + source.name() + " is a " + source.kindName() + ", not a KafkaSource");
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
    }
    this.source = source;
    this.options = kafka;
    this.extraConsumerSettings = Map.copyOf(extraConsumerSettings);
    this.batchSize = batchSize;
  }

  @Override
  public String name() {
    return source.name();
  }

  /**
   * {@inheritDoc}
   *
   * @throws FeatureStoreException when the source cannot be read at all: a message format other
   *     than JSON, a {@code schema_json} with a type JSON messages do not support, no topic or no
   *     bootstrap servers
   */
  @Override
  public void start(StreamRecordHandler handler, Map<String, StreamPosition> resumeAfter) {
    requireNonNull(handler, "handler is null");
    Map<String, StreamPosition> resume = Map.copyOf(resumeAfter);
    JsonMessageDecoder decoder = new JsonMessageDecoder(schema());
    Map<String, Object> settings = consumerSettings();
    synchronized (this) {
      if (closed || thread != null) {
        throw new IllegalStateException("Kafka reader " + name() + " was started or closed");
      }
      loop =
          new KafkaPollLoop(name(), options.topic(), settings, decoder, batchSize, handler, resume);
      thread = new Thread(loop, "kafka-" + name());
      thread.setDaemon(true);
      thread.start();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return loop != null && loop.isRunning();
  }

  @Override
  public synchronized String lastError() {
    return loop == null ? null : loop.lastError();
  }

  /** Stops the poll loop (waking a blocked poll) and waits up to a minute for its batch. */
  @Override
  public void close() {
    Thread reading;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      reading = thread;
      if (loop != null) {
        loop.stop();
      }
    }
    if (reading != null) {
      try {
        reading.join(CLOSE_TIMEOUT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (reading.isAlive()) {
        LOG.warn("Kafka source {}: the reader did not stop within {}", name(), CLOSE_TIMEOUT);
      }
    }
  }

  private Optional<JsonMessageSchema> schema() {
    String what = "KafkaSource " + name();
    String format = options.messageFormat().toLowerCase(Locale.ROOT);
    if (!format.equals("json")) {
      throw new FeatureStoreException(
          ErrorCode.UNSUPPORTED_CONSTRUCT,
          what + " uses message format " + format + ": only JSON is supported (JsonFormat)");
    }
    if (options.topic().isBlank()) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION, what + " has no topic");
    }
    return options.messageSchema().isBlank()
        ? Optional.empty()
        : Optional.of(JsonMessageSchema.parse(options.messageSchema(), what));
  }

  private Map<String, Object> consumerSettings() {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "featurestore-" + name());
    settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    // Bounds the metadata and offset calls, so an unreachable broker shows within seconds.
    settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    settings.putAll(extraConsumerSettings);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Object servers = settings.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
    if (servers == null || servers.toString().isBlank()) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG,
          "KafkaSource "
              + name()
              + " has no kafka_bootstrap_servers and materializer.streaming.kafka has no"
              + " bootstrap.servers");
    }
    return settings;
  }
}
