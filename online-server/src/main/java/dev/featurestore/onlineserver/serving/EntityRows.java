package dev.featurestore.onlineserver.serving;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import feast.proto.types.ValueProto.RepeatedValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Validates a request's entity columns against the views it reads: every join key a view needs is
 * present, every column has the same length, the row count is within limits.
 *
 * <p>A column no requested view uses is rejected, as Feast's Go server does ("Invalid entity join
 * key"); Python's REST server ignores it. Rejecting catches misspelt keys, which would otherwise
 * come back as silent NOT_FOUNDs.
 */
public final class EntityRows {

  private EntityRows() {}

  /** Returns the number of rows. */
  public static int validate(ResolvedFeatures features, Map<String, RepeatedValue> entities, int maxRows) {
    Map<String, String> neededBy = new LinkedHashMap<>();
    for (ViewSelection selection : features.selections()) {
      for (JoinKey key : selection.view().joinKeys()) {
        if (!key.dummy()) {
          neededBy.putIfAbsent(selection.requestColumn(key), selection.view().name());
        }
      }
    }
    for (Map.Entry<String, String> needed : neededBy.entrySet()) {
      if (!entities.containsKey(needed.getKey())) {
        throw invalid("entity '" + needed.getKey() + "' is missing: feature view '" + needed.getValue()
            + "' is keyed by it");
      }
    }
    int rows = -1;
    String first = null;
    for (Map.Entry<String, RepeatedValue> column : entities.entrySet()) {
      if (!neededBy.containsKey(column.getKey())) {
        throw invalid("entity '" + column.getKey() + "' is not a join key of any requested feature view"
            + (neededBy.isEmpty() ? "" : " (expected: " + String.join(", ", new TreeSet<>(neededBy.keySet())) + ")"));
      }
      int size = column.getValue().getValCount();
      if (rows < 0) {
        rows = size;
        first = column.getKey();
      } else if (size != rows) {
        throw invalid("entity columns differ in length: '" + first + "' has " + rows + " values, '"
            + column.getKey() + "' has " + size);
      }
    }
    if (rows < 0) {
      rows = 1; // only entityless views: one row, as Feast
    }
    if (rows == 0) {
      throw invalid("the request has no entity rows");
    }
    if (rows > maxRows) {
      throw invalid("the request has " + rows + " entity rows; at most " + maxRows + " are allowed");
    }
    return rows;
  }

  private static FeatureStoreException invalid(String message) {
    return new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
