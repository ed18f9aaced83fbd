package dev.featurestore.onlineserver.serving;

import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.RepeatedValue;
import feast.proto.types.ValueProto.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct entity keys one view reads, and which of them each request row uses: a key asked
 * for in several rows is read once (as Feast's Go server does).
 *
 * @param rowToKey for request row j, the index of its key in {@code keys}
 */
public record EntityKeys(List<EntityKey> keys, int[] rowToKey) {
  private static final Value DUMMY_VALUE = Value.newBuilder().setStringVal("").build();

  public static EntityKeys of(ViewSelection selection, Map<String, RepeatedValue> entities, int rows) {
    List<JoinKey> joinKeys = selection.view().joinKeys();
    List<RepeatedValue> columns = new ArrayList<>(joinKeys.size());
    for (JoinKey key : joinKeys) {
      columns.add(key.dummy() ? null : entities.get(selection.requestColumn(key)));
    }
    Map<EntityKey, Integer> seen = new HashMap<>();
    List<EntityKey> keys = new ArrayList<>();
    int[] rowToKey = new int[rows];
    for (int row = 0; row < rows; row++) {
      EntityKey.Builder builder = EntityKey.newBuilder();
      for (int k = 0; k < joinKeys.size(); k++) {
        JoinKey key = joinKeys.get(k);
        builder.addJoinKeys(key.name());
        builder.addEntityValues(key.dummy()
            ? DUMMY_VALUE
            : EntityValues.coerce(columns.get(k).getVal(row), key, row, selection.view().name()));
      }
      EntityKey entityKey = builder.build();
      Integer index = seen.putIfAbsent(entityKey, keys.size());
      if (index == null) {
        rowToKey[row] = keys.size();
        keys.add(entityKey);
      } else {
        rowToKey[row] = index;
      }
    }
    return new EntityKeys(List.copyOf(keys), rowToKey);
  }
}
