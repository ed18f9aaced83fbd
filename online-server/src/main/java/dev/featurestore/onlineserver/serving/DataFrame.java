package dev.featurestore.onlineserver.serving;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Columns of native values, as Feast's push and write endpoints take them ({@code df: {column:
 * [values]}}); every column has the same length.
 */
public record DataFrame(Map<String, List<Object>> columns, int rows) {

  public DataFrame {
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  public static DataFrame of(Map<String, List<Object>> columns) {
    int rows = -1;
    String first = null;
    for (Map.Entry<String, List<Object>> column : columns.entrySet()) {
      if (rows < 0) {
        rows = column.getValue().size();
        first = column.getKey();
      } else if (column.getValue().size() != rows) {
        throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, "df columns differ in length: '" + first
            + "' has " + rows + " values, '" + column.getKey() + "' has " + column.getValue().size());
      }
    }
    return new DataFrame(columns, Math.max(rows, 0));
  }
}
