package dev.featurestore.materializer.stream;

import java.time.Duration;

/**
 * Pauses between a stream reader's retries (a failed batch, a lost connection): 1 s, doubling up
 * to 30 s, back to 1 s after a success. Not thread-safe; one per retry loop.
 */
public final class RetryBackoff {
  public static final Duration FIRST = Duration.ofSeconds(1);
  public static final Duration MAX = Duration.ofSeconds(30);

  private Duration next = FIRST;

  /** The pause before the next attempt; each call doubles the following one. */
  public Duration next() {
    Duration pause = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(MAX) > 0 ? MAX : doubled;
    return pause;
  }

  /** After a success: the next failure waits {@link #FIRST} again. */
  public void reset() {
    next = FIRST;
  }
}
