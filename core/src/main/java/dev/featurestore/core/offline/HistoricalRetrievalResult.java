package dev.featurestore.core.offline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * What a historical retrieval wrote.
 *
 * @param rows rows written, one per entity row
 * @param columns the output's columns in order: the entity columns, then the features
 * @param output the Parquet file written
 */
public record HistoricalRetrievalResult(long rows, List<String> columns, Path output) {
  public HistoricalRetrievalResult {
    columns = List.copyOf(columns);
    requireNonNull(output, "output is null");
  }
}
