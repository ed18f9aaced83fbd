package dev.featurestore.core.offline;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.ValueType;
import java.util.Map;

/**
 * Reads the columns of a batch source, as Feast's {@code get_table_column_names_and_types}: apply
 * uses it to type join keys a repository leaves untyped.
 *
 * <p>Implementations are thread-safe and open and close their own connections per call.
 */
public interface SourceSchemaReader {

  /** Whether this reader knows how to read {@code source} (e.g. a FileSource). */
  boolean supports(DataSource source);

  /**
   * The source's columns in table order, each with the Feast value type of its offline type
   * ({@link ValueType#INVALID} for types Feast cannot represent). Throws {@code
   * DATA_SOURCE_NOT_FOUND} when the table or file does not exist and {@code
   * OFFLINE_STORE_UNAVAILABLE} when it cannot be reached.
   */
  Map<String, ValueType> columns(DataSource source, RepoConfig config);
}
