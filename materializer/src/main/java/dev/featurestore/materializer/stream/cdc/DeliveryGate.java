package dev.featurestore.materializer.stream.cdc;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets the engine thread call the handler until the reader closes, and lets {@link #close()} wait
 * for a call in progress, so closing never cuts a handler call in half (an interrupted online-store
 * or checkpoint write) and no call starts after it.
 */
final class DeliveryGate {
  private final Object calls = new Object();
  private final CountDownLatch closed = new CountDownLatch(1);

  /** Runs {@code call} unless closed; returns whether it ran. Exceptions of the call propagate. */
  boolean run(Runnable call) {
    synchronized (calls) {
      if (isClosed()) {
        return false;
      }
      call.run();
      return true;
    }
  }

  /** Waits {@code delay}, or less when the gate closes meanwhile; returns whether still open. */
  boolean pause(Duration delay) {
    try {
      return !closed.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  boolean isClosed() {
    return closed.getCount() == 0;
  }

  /** Refuses later calls and waits for the one in progress, if any. Idempotent. */
  void close() {
    closed.countDown();
    synchronized (calls) {
      // Entering the monitor is the wait for a running call.
    }
  }
}
