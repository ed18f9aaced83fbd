package dev.featurestore.core.offline;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The entity rows of a historical retrieval, Feast's {@code entity_df}: one column per join key,
 * an event-time column ({@code event_timestamp}, or the only timestamp column), and any other
 * columns (labels), which are passed through to the output.
 */
public sealed interface EntityRows permits EntityRows.File, EntityRows.Rows {

  /** Feast's {@code DEFAULT_ENTITY_DF_EVENT_TIMESTAMP_COL}. */
  String EVENT_TIMESTAMP = "event_timestamp";

  /** How an entity file is read. */
  enum Format {
    PARQUET,
    /** A header line, then rows; times without an offset are UTC. */
    CSV
  }

  /** Rows kept in a file the engine reads itself, so they never enter Java memory. */
  record File(Path path, Format format) implements EntityRows {
    public File {
      requireNonNull(path, "path is null");
      requireNonNull(format, "format is null");
    }
  }

  /**
   * Rows held in Java, for small requests. Values are null, {@link String}, {@link Long}, {@link
   * Integer}, {@link Double}, {@link Boolean} or {@link java.time.Instant}; a column's type is
   * taken from its first non-null value and a column of nulls only is a string column.
   */
  record Rows(List<String> columns, List<List<Object>> rows) implements EntityRows {
    public Rows {
      columns = List.copyOf(columns);
      List<List<Object>> copy = new ArrayList<>(rows.size());
      for (List<Object> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException(
              "a row has " + row.size() + " values for " + columns.size() + " columns");
        }
        // List.copyOf rejects nulls, and a missing value is a null here.
        copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
      }
      rows = Collections.unmodifiableList(copy);
    }
  }

  /**
   * The file at {@code path}, read as Parquet or CSV by its extension ({@code .parquet},
   * {@code .csv}); a folder is read as Parquet. {@code INVALID_ARGUMENT} for another extension.
   */
  static File file(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".csv")) {
      return new File(path, Format.CSV);
    }
    if (lower.endsWith(".parquet") || java.nio.file.Files.isDirectory(path)) {
      return new File(path, Format.PARQUET);
    }
    throw new FeatureStoreException(
        ErrorCode.INVALID_ARGUMENT,
        "entity file '" + path + "' must be a .parquet or .csv file");
  }
}
