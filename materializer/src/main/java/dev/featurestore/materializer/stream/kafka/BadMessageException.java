package dev.featurestore.materializer.stream.kafka;

/** A Kafka message that cannot be decoded; its message says why, naming the field if one is bad. */
final class BadMessageException extends Exception {
  private static final long serialVersionUID = 1L;

  BadMessageException(String problem) {
    super(problem, null, false, false);
  }
}
