package dev.featurestore.materializer.stream;

import java.util.List;

/** Where a {@link StreamReader} delivers what it reads. */
public interface StreamRecordHandler {

  /**
   * Applies records in the order given and returns once they are in the online store and the
   * checkpoint covers them. Bad records (wrong type, null key) are counted and skipped, never
   * thrown. Throws {@link dev.featurestore.core.error.FeatureStoreException} when the online store
   * or the checkpoint cannot be written: the reader must then deliver the same records again (it
   * retries, or stops without committing its own offsets past them).
   */
  void handle(List<StreamRecord> records);

  /**
   * Reports a record the reader could not decode (malformed JSON, an unknown table): counted as an
   * error of {@code source}, logged with {@code problem}, and its position counts as applied so a
   * restart does not meet it again. Call it in stream order with {@link #handle}.
   */
  void rejected(String source, StreamPosition position, String problem);
}
