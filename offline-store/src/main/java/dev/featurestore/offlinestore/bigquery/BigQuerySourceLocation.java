package dev.featurestore.offlinestore.bigquery;

import static java.util.Objects.requireNonNull;

import com.google.cloud.bigquery.TableId;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import java.util.List;
import java.util.Optional;

/**
 * What a {@code BigQuerySource} reads: its query, else its table ({@code project.dataset.table},
 * or {@code dataset.table} in the client's project).
 */
record BigQuerySourceLocation(String sourceName, String table, String query) {

  BigQuerySourceLocation {
    requireNonNull(sourceName, "sourceName is null");
    requireNonNull(table, "table is null");
    requireNonNull(query, "query is null");
  }

  static BigQuerySourceLocation of(DataSource source) {
    if (!(source.options() instanceof DataSource.BigQueryOptions options)) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
          "source '" + source.name() + "' is a " + source.kindName()
              + "; the bigquery offline store reads BigQuerySources only");
    }
    if (options.table().isBlank() && options.query().isBlank()) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
          "BigQuerySource '" + source.name() + "' has neither a table nor a query");
    }
    return new BigQuerySourceLocation(source.name(), options.table().strip(), options.query());
  }

  /** The table to describe, when the source is a table rather than a query. */
  Optional<TableId> tableId() {
    if (!query.isBlank()) {
      return Optional.empty();
    }
    List<String> parts = List.of(table.replace("`", "").split("\\."));
    return switch (parts.size()) {
      case 3 -> Optional.of(TableId.of(parts.get(0), parts.get(1), parts.get(2)));
      case 2 -> Optional.of(TableId.of(parts.get(0), parts.get(1)));
      default -> throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
          "BigQuerySource '" + sourceName + "' has table '" + table
              + "'; expected project.dataset.table");
    };
  }
}
