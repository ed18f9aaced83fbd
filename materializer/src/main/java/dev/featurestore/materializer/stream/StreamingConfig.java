package dev.featurestore.materializer.stream;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code materializer.streaming} of feature_store.yaml.
 *
 * @param enabled whether {@code up} and {@code schedule} also run the stream engine (the {@code
 *     stream} command always does)
 * @param stateDir checkpoints: positions and window state, one SQLite file per stream
 * @param batchSize most records handed to the processor at once
 * @param lagAlert the console's lag alert threshold (Prometheus has its own rule)
 * @param cdc the database {@code PostgresCdcSource}s read, if any
 * @param kafkaSettings extra Kafka consumer properties for every {@code KafkaSource}
 *     (security, timeouts); the source's {@code kafka_bootstrap_servers} is used unless {@code
 *     bootstrap.servers} is given here
 */
public record StreamingConfig(
    boolean enabled,
    Path stateDir,
    int batchSize,
    Duration lagAlert,
    Optional<CdcConfig> cdc,
    Map<String, String> kafkaSettings) {

  public static final int DEFAULT_BATCH_SIZE = 1_000;
  public static final Duration DEFAULT_LAG_ALERT = Duration.ofSeconds(5);

  public StreamingConfig {
    requireNonNull(stateDir, "stateDir is null");
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    lagAlert = lagAlert == null ? DEFAULT_LAG_ALERT : lagAlert;
    cdc = cdc == null ? Optional.empty() : cdc;
    kafkaSettings = Map.copyOf(kafkaSettings == null ? Map.of() : kafkaSettings);
  }
}
