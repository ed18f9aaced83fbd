package dev.featurestore.materializer.stream;

import dev.featurestore.core.model.DataSource;
import dev.featurestore.materializer.stream.cdc.PostgresCdcReader;
import dev.featurestore.materializer.stream.kafka.KafkaSourceReader;
import java.nio.file.Path;
import java.util.Map;

/** The real readers: Debezium for PostgreSQL, kafka-clients for Kafka. */
public final class StandardStreamReaders implements StreamReaderFactory {

  @Override
  public StreamReader cdc(CdcConfig config, Map<String, String> sourceByTable, Path stateDir, int batchSize) {
    return new PostgresCdcReader(config, sourceByTable, stateDir, batchSize);
  }

  @Override
  public StreamReader kafka(DataSource source, Map<String, String> settings, int batchSize) {
    return new KafkaSourceReader(source, settings, batchSize);
  }
}
