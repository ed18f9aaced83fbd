package dev.featurestore.benchmarks;

/**
 * One closed-loop client connection: sends request {@code i} of a {@link RequestSet} and waits for
 * the whole answer. Used by one thread at a time; closing releases its connection.
 */
interface Caller extends AutoCloseable {

  void call(int i) throws Exception;

  @Override
  void close();

  /** Opens a caller; each caller thread gets its own. */
  @FunctionalInterface
  interface Factory {
    Caller open() throws Exception;
  }
}
