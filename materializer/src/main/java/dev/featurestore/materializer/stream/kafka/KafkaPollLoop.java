package dev.featurestore.materializer.stream.kafka;

import static org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG;

import dev.featurestore.materializer.stream.RetryBackoff;
import dev.featurestore.materializer.stream.StreamPosition;
import dev.featurestore.materializer.stream.StreamRecordHandler;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread of a {@link KafkaSourceReader}: opens a consumer, assigns every partition of the
 * topic, polls and hands records over through a {@link KafkaRecordBatcher}, and starts again with a
 * new consumer after any Kafka error. {@link #stop()} may be called from any thread; the rest runs
 * on the loop's own.
 */
final class KafkaPollLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaPollLoop.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
  static final Duration PROBE_INTERVAL = Duration.ofSeconds(10);

  private final String sourceName;
  private final String topicName;
  private final Map<String, Object> settings;
  private final KafkaRecordBatcher batcher;
  private final Map<String, StreamPosition> resumeAfter;
  private final Object lock = new Object();
  private volatile boolean running;
  private volatile String lastError;
  private volatile boolean closed;
  private volatile KafkaConsumer<byte[], byte[]> consumer;

  KafkaPollLoop(
      String sourceName,
      String topicName,
      Map<String, Object> settings,
      JsonMessageDecoder decoder,
      int batchSize,
      StreamRecordHandler handler,
      Map<String, StreamPosition> resumeAfter) {
    this.sourceName = sourceName;
    this.topicName = topicName;
    this.settings = Map.copyOf(settings);
    this.batcher = new KafkaRecordBatcher(sourceName, decoder, batchSize, handler, this::untilDone);
    this.resumeAfter = Map.copyOf(resumeAfter);
  }

  boolean isRunning() {
    return running;
  }

  String lastError() {
    return lastError;
  }

  /** Ends the loop: wakes a blocked poll or a backoff pause; a hand-over in progress finishes. */
  void stop() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    KafkaConsumer<byte[], byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    running = false;
  }

  // An Error from the handler ends the thread; the console must then show it as stopped.
  @Override
  public void run() {
    try {
      loop();
    } catch (Throwable e) {
      running = false;
      lastError = "the reader stopped: " + e;
      LOG.error("Kafka source {}: the reader stopped", sourceName, e);
      throw e;
    }
  }

  private void loop() {
    String topic = "topic " + topicName + " on " + settings.get(BOOTSTRAP_SERVERS_CONFIG);
    RetryBackoff backoff = new RetryBackoff();
    while (!stopping()) {
      KafkaConsumer<byte[], byte[]> opened = null;
      try {
        opened =
            new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer = opened;
        // stop() may have looked for the consumer before it was set.
        if (!stopping()) {
          List<TopicPartition> assigned = assign(opened);
          connected(backoff);
          read(opened, assigned, backoff);
        }
      } catch (WakeupException e) {
        // stop() woke a blocked call; the loop ends.
      } catch (RuntimeException e) {
        failed("cannot read " + topic, e, backoff);
      } finally {
        consumer = null;
        closeQuietly(opened);
      }
    }
    running = false;
  }

  /** Assigns every partition and seeks each to where it continues; returns them. */
  private List<TopicPartition> assign(KafkaConsumer<byte[], byte[]> opened) {
    List<TopicPartition> partitions =
        opened.partitionsFor(topicName).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition()))
            .sorted(Comparator.comparingInt(TopicPartition::partition))
            .toList();
    if (partitions.isEmpty()) {
      throw new IllegalStateException("the topic does not exist");
    }
    opened.assign(partitions);
    for (TopicPartition partition : partitions) {
      Long next = batcher.nextOffset(partition);
      StreamPosition applied = resumeAfter.get(partition.topic() + "-" + partition.partition());
      if (next == null && applied != null) {
        next = applied.major() + 1;
      }
      if (next == null) {
        opened.seekToBeginning(List.of(partition));
      } else {
        opened.seek(partition, next);
      }
    }
    return partitions;
  }

  private void read(
      KafkaConsumer<byte[], byte[]> opened, List<TopicPartition> assigned, RetryBackoff backoff) {
    long lastHeard = System.nanoTime();
    while (!stopping()) {
      ConsumerRecords<byte[], byte[]> records = opened.poll(POLL_TIMEOUT);
      if (!records.isEmpty()) {
        lastHeard = System.nanoTime();
        if (!batcher.deliver(records)) {
          return;
        }
      } else if (System.nanoTime() - lastHeard >= PROBE_INTERVAL.toNanos()) {
        // poll() stays silent while the broker is gone; an offsets request fails instead.
        opened.endOffsets(assigned);
        if (opened.partitionsFor(topicName).size() != assigned.size()) {
          LOG.info("Kafka source {}: topic {} has new partitions", sourceName, topicName);
          return;
        }
        connected(backoff);
        lastHeard = System.nanoTime();
      }
    }
  }

  /** {@link KafkaRecordBatcher.Attempts}: retries a hand-over with backoff while open. */
  private boolean untilDone(String what, Runnable handOver) {
    RetryBackoff backoff = new RetryBackoff();
    while (!stopping()) {
      try {
        handOver.run();
        if (!running) {
          connected(backoff);
        }
        return true;
      } catch (RuntimeException e) {
        failed(what, e, backoff);
      }
    }
    return false;
  }

  private void connected(RetryBackoff backoff) {
    if (!running) {
      LOG.info(
          "Kafka source {}: reading topic {}{}",
          sourceName,
          topicName,
          lastError == null ? "" : " again");
    }
    running = true;
    backoff.reset();
  }

  private void failed(String what, RuntimeException e, RetryBackoff backoff) {
    running = false;
    Duration pause = backoff.next();
    lastError = what + ": " + e.getMessage();
    LOG.warn("Kafka source {}: {}; retrying in {} s", sourceName, lastError, pause.toSeconds());
    synchronized (lock) {
      long deadline = System.nanoTime() + pause.toNanos();
      long left;
      while (!stopping() && (left = deadline - System.nanoTime()) > 0) {
        try {
          lock.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private void closeQuietly(KafkaConsumer<byte[], byte[]> opened) {
    if (opened == null) {
      return;
    }
    try {
      opened.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    } catch (RuntimeException e) {
      LOG.debug("Kafka source {}: closing the consumer failed", sourceName, e);
    }
  }

  // Nothing interrupts the reader's thread but close(); an interrupt is taken as a stop as well.
  private boolean stopping() {
    return closed || Thread.currentThread().isInterrupted();
  }
}
