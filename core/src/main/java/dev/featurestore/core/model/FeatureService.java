package dev.featurestore.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** Feast's {@code FeatureService}: a named selection of features across views. */
public record FeatureService(
    String name,
    List<FeatureViewProjection> features,
    Optional<LoggingConfig> loggingConfig,
    Metadata metadata) {
  public FeatureService {
    requireNonNull(name, "name is null");
    features = List.copyOf(features);
    requireNonNull(loggingConfig, "loggingConfig is null");
    metadata = metadata == null ? Metadata.EMPTY : metadata;
  }

  /** Feast's {@code LoggingConfig}; only the file destination is modelled. */
  public record LoggingConfig(double sampleRate, FileLoggingDestination destination) {
    public LoggingConfig {
      requireNonNull(destination, "destination is null");
    }
  }

  /** Feast's {@code FileLoggingDestination}. */
  public record FileLoggingDestination(
      String path, String s3EndpointOverride, List<String> partitionBy) {
    public FileLoggingDestination {
      requireNonNull(path, "path is null");
      s3EndpointOverride = s3EndpointOverride == null ? "" : s3EndpointOverride;
      partitionBy = List.copyOf(partitionBy == null ? List.of() : partitionBy);
    }
  }
}
