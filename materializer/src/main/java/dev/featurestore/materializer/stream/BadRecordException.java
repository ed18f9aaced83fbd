package dev.featurestore.materializer.stream;

/** A record that cannot be applied to one view (wrong type, null key); counted and skipped. */
final class BadRecordException extends RuntimeException {
  BadRecordException(String message) {
    super(message, null, false, false);
  }
}
