package dev.featurestore.materializer.stream;

import dev.featurestore.core.model.DataSource;
import java.nio.file.Path;
import java.util.Map;

/** Makes the readers a {@link StreamEngine} runs; tests substitute their own. */
public interface StreamReaderFactory {

  /** A reader of every followed table of one PostgreSQL database. */
  StreamReader cdc(CdcConfig config, Map<String, String> sourceByTable, Path stateDir, int batchSize);

  /** A reader of one {@code KafkaSource}'s topic. */
  StreamReader kafka(DataSource source, Map<String, String> settings, int batchSize);
}
