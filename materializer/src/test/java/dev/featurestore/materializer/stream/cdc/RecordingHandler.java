package dev.featurestore.materializer.stream.cdc;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.materializer.stream.StreamPosition;
import dev.featurestore.materializer.stream.StreamRecord;
import dev.featurestore.materializer.stream.StreamRecordHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps what a reader delivers; can be told to fail its next handle() calls. */
final class RecordingHandler implements StreamRecordHandler {
  /** Every handle() call's records, also of calls that failed. */
  private final List<List<StreamRecord>> calls = new ArrayList<>();

  /** Records of the calls that succeeded, in order. */
  private final List<StreamRecord> accepted = new ArrayList<>();

  private final List<String> rejected = new ArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  void failNext(int times) {
    failuresLeft.set(times);
  }

  @Override
  public synchronized void handle(List<StreamRecord> records) {
    calls.add(List.copyOf(records));
    if (failuresLeft.getAndDecrement() > 0) {
      throw new FeatureStoreException(ErrorCode.ONLINE_STORE_UNAVAILABLE, "injected failure");
    }
    accepted.addAll(records);
  }

  @Override
  public synchronized void rejected(String source, StreamPosition position, String problem) {
    rejected.add(source + "@" + position + ": " + problem);
  }

  synchronized List<StreamRecord> accepted() {
    return List.copyOf(accepted);
  }

  synchronized List<List<StreamRecord>> calls() {
    return List.copyOf(calls);
  }

  synchronized List<String> rejected() {
    return List.copyOf(rejected);
  }

  synchronized int size() {
    return accepted.size();
  }
}
