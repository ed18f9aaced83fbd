package dev.featurestore.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A private Kafka for tests: one in-process KRaft node acting as broker and controller, from Apache
 * Kafka's own test kit, listening on a free port of localhost. Its logs live in a temporary folder
 * removed on {@link #close()} and, at the latest, when the JVM exits. Thread-safe.
 *
 * <p>A module using it declares {@code kafka-test-common-runtime}, {@code kafka_2.13} and {@code
 * kafka-server} with test scope (they are optional here), and quiets the {@code kafka}, {@code
 * org.apache.kafka} and {@code state.change.logger} loggers.
 */
public final class TestingKafkaCluster implements AutoCloseable {
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private final Path root;
  private final KafkaClusterTestKit cluster;
  private final Duration startupTime;
  private final AutoCloseable cleanupHandle = this::shutdown;
  private Admin admin;
  private KafkaProducer<String, String> producer;
  private boolean closed;

  private TestingKafkaCluster(Path root, KafkaClusterTestKit cluster, Duration startupTime) {
    this.root = root;
    this.cluster = cluster;
    this.startupTime = startupTime;
  }

  /** Formats and starts the node and returns once the broker accepts clients. */
  public static TestingKafkaCluster start() {
    Path root = TempDirs.createRoot("kafka");
    long started = System.nanoTime();
    KafkaClusterTestKit cluster = null;
    try {
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              .setCombined(true)
              .setNumBrokerNodes(1)
              .setNumControllerNodes(1)
              .setBaseDirectory(root)
              .build();
      // The internal topics default to three replicas, which one broker cannot host: without
      // these, consumer groups and transactions wait forever. Values go as strings: the kit
      // passes objects through unparsed, and an Integer is refused for a short setting.
      cluster =
          new KafkaClusterTestKit.Builder(nodes)
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("offsets.topic.num.partitions", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      closeQuietly(cluster);
      TempDirs.deleteRecursively(root);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("cannot start an in-process Kafka broker in " + root, e);
    }
    TestingKafkaCluster kafka =
        new TestingKafkaCluster(root, cluster, Duration.ofNanos(System.nanoTime() - started));
    Cleanup.register(kafka.cleanupHandle);
    return kafka;
  }

  /** "localhost:port" for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** How long {@link #start()} took, for reports. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Creates a topic with one replica per partition and returns once the broker knows it. */
  public synchronized void createTopic(String name, int partitions) {
    checkOpen();
    try {
      admin()
          .createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
          .all()
          .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw failure("cannot create topic " + name, e);
    }
  }

  /**
   * Sends one message (UTF-8 key and value; either may be null) to the partition the key hashes to
   * and waits for the broker's acknowledgement.
   *
   * @return the message's offset
   */
  public long produce(String topic, String key, String value) {
    return send(new ProducerRecord<>(topic, key, value)).offset();
  }

  /** Sends a message with any partition, timestamp or headers and waits for the acknowledgement. */
  public synchronized RecordMetadata send(ProducerRecord<String, String> record) {
    checkOpen();
    try {
      return producer().send(record).get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw failure("cannot send to topic " + record.topic(), e);
    }
  }

  @Override
  public void close() {
    shutdown();
  }

  private synchronized void shutdown() {
    if (closed) {
      return;
    }
    closed = true;
    Cleanup.unregister(cleanupHandle);
    try {
      if (producer != null) {
        producer.close(Duration.ofSeconds(5));
      }
      if (admin != null) {
        admin.close(Duration.ofSeconds(5));
      }
      closeQuietly(cluster);
    } finally {
      TempDirs.deleteRecursively(root);
    }
  }

  private Admin admin() {
    if (admin == null) {
      admin = cluster.admin();
    }
    return admin;
  }

  private KafkaProducer<String, String> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all",
                  ProducerConfig.LINGER_MS_CONFIG,
                  0),
              new StringSerializer(),
              new StringSerializer());
    }
    return producer;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("Kafka cluster is closed");
    }
  }

  private static IllegalStateException failure(String message, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    return new IllegalStateException(message + ": " + cause.getMessage(), cause);
  }

  private static void closeQuietly(KafkaClusterTestKit cluster) {
    if (cluster == null) {
      return;
    }
    try {
      cluster.close();
    } catch (Exception e) {
      System.err.println("featurestore-testing: stopping Kafka failed: " + e);
    }
  }
}
