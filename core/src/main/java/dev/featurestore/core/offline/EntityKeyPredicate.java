package dev.featurestore.core.offline;

import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders {@link PullLatestRequest#entityKeys()} as a SQL predicate over the source's join-key
 * columns, {@code ((k1 = v AND k2 = w) OR ...)}, for back-ends that push the restriction into
 * their query. Only integer, string and boolean key values are rendered (as literals, quotes
 * doubled, which is standard SQL in DuckDB, PostgreSQL and BigQuery); for any other key type, or
 * a key that lacks one of the view's join keys, no predicate is returned and the back-end reads
 * every entity, which callers tolerate because they filter the rows themselves.
 */
public final class EntityKeyPredicate {
  private EntityKeyPredicate() {}

  /**
   * @param identifier quotes a source column name for the back-end's dialect
   * @return the predicate, or empty when the request is unrestricted or cannot be rendered
   */
  public static Optional<String> of(SourceColumns columns, List<EntityKey> keys, Function<String, String> identifier) {
    if (keys.isEmpty() || columns.joinKeys().isEmpty()) {
      return Optional.empty();
    }
    List<String> alternatives = new ArrayList<>(keys.size());
    for (EntityKey key : keys) {
      List<String> terms = new ArrayList<>();
      for (SourceColumns.Column column : columns.joinKeys()) {
        int index = key.getJoinKeysList().indexOf(column.field().name());
        if (index < 0 || index >= key.getEntityValuesCount()) {
          return Optional.empty();
        }
        Optional<String> literal = literal(key.getEntityValues(index));
        if (literal.isEmpty()) {
          return Optional.empty();
        }
        terms.add(identifier.apply(column.sourceName()) + " = " + literal.get());
      }
      alternatives.add("(" + String.join(" AND ", terms) + ")");
    }
    return Optional.of("(" + String.join(" OR ", alternatives) + ")");
  }

  private static Optional<String> literal(Value value) {
    return switch (value.getValCase()) {
      case INT64_VAL -> Optional.of(Long.toString(value.getInt64Val()));
      case INT32_VAL -> Optional.of(Integer.toString(value.getInt32Val()));
      case BOOL_VAL -> Optional.of(value.getBoolVal() ? "TRUE" : "FALSE");
      case STRING_VAL -> Optional.of("'" + value.getStringVal().replace("'", "''") + "'");
      default -> Optional.empty();
    };
  }
}
