package dev.featurestore.cli.sample;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/** One Parquet file written by {@link SampleDataGenerator}. */
public record GeneratedFile(String table, Path path, long rows, Duration elapsed) {
  public GeneratedFile {
    requireNonNull(table, "table is null");
    requireNonNull(path, "path is null");
    requireNonNull(elapsed, "elapsed is null");
  }
}
