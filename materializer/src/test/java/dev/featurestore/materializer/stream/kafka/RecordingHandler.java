package dev.featurestore.materializer.stream.kafka;

import dev.featurestore.materializer.stream.StreamPosition;
import dev.featurestore.materializer.stream.StreamRecord;
import dev.featurestore.materializer.stream.StreamRecordHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every hand-over in arrival order; the first {@code failures} batches are refused with an
 * exception (and still recorded as attempts), as an unreachable online store would.
 */
final class RecordingHandler implements StreamRecordHandler {
  /** One call: a batch (rejection null) or a rejection (records empty). */
  record Call(List<StreamRecord> records, StreamPosition rejected, String problem) {}

  private final List<List<StreamRecord>> attempts = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();
  private int failures;

  RecordingHandler() {
    this(0);
  }

  RecordingHandler(int failures) {
    this.failures = failures;
  }

  @Override
  public synchronized void handle(List<StreamRecord> records) {
    attempts.add(List.copyOf(records));
    if (failures > 0) {
      failures--;
      throw new IllegalStateException("online store unavailable (test)");
    }
    calls.add(new Call(List.copyOf(records), null, null));
  }

  @Override
  public synchronized void rejected(String source, StreamPosition position, String problem) {
    calls.add(new Call(List.of(), position, source + ": " + problem));
  }

  /** Every record handled successfully, in order. */
  synchronized List<StreamRecord> records() {
    return calls.stream().flatMap(call -> call.records().stream()).toList();
  }

  /** Successful calls, batches and rejections, in order. */
  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Every handle() call, including the failed ones. */
  synchronized List<List<StreamRecord>> attempts() {
    return List.copyOf(attempts);
  }
}
