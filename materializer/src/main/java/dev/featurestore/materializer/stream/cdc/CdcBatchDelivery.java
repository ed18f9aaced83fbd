package dev.featurestore.materializer.stream.cdc;

import static java.util.Objects.requireNonNull;

import dev.featurestore.materializer.stream.RetryBackoff;
import dev.featurestore.materializer.stream.StreamRecord;
import dev.featurestore.materializer.stream.StreamRecordHandler;
import dev.featurestore.materializer.stream.cdc.ChangeEventDecoder.Change;
import dev.featurestore.materializer.stream.cdc.ChangeEventDecoder.Decoded;
import dev.featurestore.materializer.stream.cdc.ChangeEventDecoder.Rejected;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.StopEngineException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debezium's batch callback: decodes a batch, hands it to the {@link StreamRecordHandler} in stream
 * order (changes through {@code handle}, undecodable events through {@code rejected} at their
 * place), and marks events processed only once the handler returned for them, so Debezium stores
 * offsets (and confirms the slot) only for applied changes.
 *
 * <p>A handler that throws gets the same records again after 1 s, 2 s, 4 s... up to 30 s, until it
 * succeeds or the reader closes; nothing is skipped. Closing aborts the batch with {@link
 * StopEngineException}: its unmarked events are read again on the next start.
 */
final class CdcBatchDelivery
    implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {
  private static final Logger LOG = LoggerFactory.getLogger(CdcBatchDelivery.class);

  /** What the reader learns of handler failures, for {@code isRunning} and {@code lastError}. */
  interface Listener {
    void handlerFailed(String error);

    void handlerRecovered();
  }

  private final StreamRecordHandler handler;
  private final ChangeEventDecoder decoder;
  private final DeliveryGate gate;
  private final Listener listener;

  CdcBatchDelivery(
      StreamRecordHandler handler,
      ChangeEventDecoder decoder,
      DeliveryGate gate,
      Listener listener) {
    this.handler = requireNonNull(handler, "handler is null");
    this.decoder = requireNonNull(decoder, "decoder is null");
    this.gate = requireNonNull(gate, "gate is null");
    this.listener = requireNonNull(listener, "listener is null");
  }

  @Override
  public void handleBatch(
      List<RecordChangeEvent<SourceRecord>> events,
      DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
      throws InterruptedException {
    // Events up to a rejected one go out together; ignored events ride along to be marked.
    List<RecordChangeEvent<SourceRecord>> segment = new ArrayList<>();
    List<StreamRecord> records = new ArrayList<>();
    for (RecordChangeEvent<SourceRecord> event : events) {
      Decoded decoded = decoder.decode(event.record());
      if (decoded instanceof Change change) {
        records.add(change.record());
        segment.add(event);
      } else if (decoded instanceof Rejected rejected) {
        deliver(records, segment, committer);
        deliver(
            () -> handler.rejected(rejected.source(), rejected.position(), rejected.problem()),
            "rejected(" + rejected.position() + ")");
        committer.markProcessed(event);
      } else {
        segment.add(event);
      }
    }
    deliver(records, segment, committer);
    committer.markBatchFinished();
  }

  private void deliver(
      List<StreamRecord> records,
      List<RecordChangeEvent<SourceRecord>> segment,
      DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
      throws InterruptedException {
    if (!records.isEmpty()) {
      List<StreamRecord> batch = List.copyOf(records);
      deliver(
          () -> handler.handle(batch), batch.size() + " records from " + batch.get(0).position());
    }
    for (RecordChangeEvent<SourceRecord> event : segment) {
      committer.markProcessed(event);
    }
    records.clear();
    segment.clear();
  }

  /** Calls until the call returns; throws StopEngineException when the reader closes first. */
  private void deliver(Runnable call, String what) {
    RetryBackoff backoff = new RetryBackoff();
    int failures = 0;
    while (true) {
      try {
        if (!gate.run(call)) {
          throw new StopEngineException("the CDC reader is closing");
        }
        if (failures > 0) {
          LOG.info("CDC handler accepted {} after {} failed attempts", what, failures);
          listener.handlerRecovered();
        }
        return;
      } catch (StopEngineException e) {
        throw e;
      } catch (RuntimeException e) {
        failures++;
        String error = "the stream handler failed on " + what + ": " + e.getMessage();
        listener.handlerFailed(error);
        if (failures == 1) {
          LOG.warn("{}; retrying until it succeeds", error, e);
        } else {
          LOG.debug("{} (attempt {})", error, failures, e);
        }
      }
      if (!gate.pause(backoff.next())) {
        throw new StopEngineException("the CDC reader is closing");
      }
    }
  }
}
