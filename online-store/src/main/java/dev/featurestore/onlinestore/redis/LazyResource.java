package dev.featurestore.onlinestore.redis;

import java.util.function.Supplier;

/**
 * A client created on first use and again after a failed attempt, so a store opened while Redis is
 * down starts working once it is up (Jedis's cluster and sentinel clients connect when built).
 */
final class LazyResource<T extends AutoCloseable> implements AutoCloseable {
  private final Supplier<T> factory;
  private volatile T value;
  private volatile boolean closed;

  LazyResource(Supplier<T> factory) {
    this.factory = factory;
  }

  T get() {
    T current = value;
    if (current != null && !closed) {
      return current;
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the Redis online store is closed");
      }
      if (value == null) {
        value = factory.get();
      }
      return value;
    }
  }

  /** The client if it was created, without creating it. */
  T peek() {
    return value;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (value != null) {
      try {
        value.close();
      } catch (Exception e) {
        // Closing pools only releases sockets; nothing to report.
      }
      value = null;
    }
  }
}
