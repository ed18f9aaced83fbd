package dev.featurestore.materializer.stream.kafka;

import dev.featurestore.materializer.stream.StreamPosition;
import dev.featurestore.materializer.stream.StreamRecord;
import dev.featurestore.materializer.stream.StreamRecordHandler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Turns what one poll returned into handler calls: decoded messages in batches of at most {@code
 * batchSize} (each partition's messages in offset order; one batch may hold several partitions), a
 * message that cannot be decoded as a {@link StreamRecordHandler#rejected} call after the batch
 * before it. Every call goes through {@link Attempts}, which repeats it until it succeeds. Used by
 * the reader's thread only.
 */
final class KafkaRecordBatcher {

  /** Runs a hand-over until it succeeds; false when the reader closed first. */
  interface Attempts {
    boolean untilDone(String what, Runnable handOver);
  }

  private final String sourceName;
  private final JsonMessageDecoder decoder;
  private final int batchSize;
  private final StreamRecordHandler handler;
  private final Attempts attempts;

  /** The next offset to hand over per partition: everything before it was handled or rejected. */
  private final Map<TopicPartition, Long> next = new HashMap<>();

  KafkaRecordBatcher(
      String sourceName,
      JsonMessageDecoder decoder,
      int batchSize,
      StreamRecordHandler handler,
      Attempts attempts) {
    this.sourceName = sourceName;
    this.decoder = decoder;
    this.batchSize = batchSize;
    this.handler = handler;
    this.attempts = attempts;
  }

  /**
   * Where to continue {@code partition} after a reconnect, if this reader handed any of it over.
   */
  Long nextOffset(TopicPartition partition) {
    return next.get(partition);
  }

  /** Hands over every record; false when the reader closed before all were handled. */
  boolean deliver(ConsumerRecords<byte[], byte[]> records) {
    List<ConsumerRecord<byte[], byte[]>> pending = new ArrayList<>();
    List<StreamRecord> batch = new ArrayList<>();
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
        StreamPosition position = position(record);
        try {
          batch.add(
              new StreamRecord(
                  sourceName,
                  StreamRecord.Operation.INSERT,
                  decoder.decode(record.value()),
                  committedAt(record),
                  position));
          pending.add(record);
        } catch (BadMessageException e) {
          if (!handOver(batch, pending) || !reject(record, position, e.getMessage())) {
            return false;
          }
        }
        if (batch.size() >= batchSize && !handOver(batch, pending)) {
          return false;
        }
      }
    }
    return handOver(batch, pending);
  }

  private boolean handOver(List<StreamRecord> batch, List<ConsumerRecord<byte[], byte[]>> pending) {
    if (batch.isEmpty()) {
      return true;
    }
    List<StreamRecord> records = List.copyOf(batch);
    String what =
        "handing over "
            + records.size()
            + " records from "
            + records.get(0).position()
            + " to "
            + records.get(records.size() - 1).position();
    if (!attempts.untilDone(what, () -> handler.handle(records))) {
      return false;
    }
    pending.forEach(this::handled);
    batch.clear();
    pending.clear();
    return true;
  }

  private boolean reject(
      ConsumerRecord<byte[], byte[]> record, StreamPosition position, String reason) {
    String problem =
        "topic "
            + record.topic()
            + ", partition "
            + record.partition()
            + ", offset "
            + record.offset()
            + ": "
            + reason;
    if (!attempts.untilDone(
        "rejecting " + position, () -> handler.rejected(sourceName, position, problem))) {
      return false;
    }
    handled(record);
    return true;
  }

  private void handled(ConsumerRecord<byte[], byte[]> record) {
    next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
  }

  static StreamPosition position(ConsumerRecord<?, ?> record) {
    return new StreamPosition(record.topic() + "-" + record.partition(), record.offset(), 0);
  }

  // A record without a timestamp (older producers, message format v0) counts from its arrival.
  private static Instant committedAt(ConsumerRecord<?, ?> record) {
    return record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : Instant.now();
  }
}
