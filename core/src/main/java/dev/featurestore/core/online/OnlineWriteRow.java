package dev.featurestore.core.online;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Timestamp;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.util.Map;

/**
 * One entity's feature values of one view, to be written. Stores keep a row only if its event
 * time is newer than what they hold (Feast's Redis semantics), or unconditionally where Feast's
 * layout does (SQLite).
 *
 * @param values plain feature name to value; an empty {@link Value} stores a null
 * @param createdTimestamp the source's created time, or the default instance if none
 */
public record OnlineWriteRow(
    EntityKey key, Timestamp eventTimestamp, Timestamp createdTimestamp, Map<String, Value> values) {
  public OnlineWriteRow {
    requireNonNull(key, "key is null");
    requireNonNull(eventTimestamp, "eventTimestamp is null");
    createdTimestamp = createdTimestamp == null ? Timestamp.getDefaultInstance() : createdTimestamp;
    values = Map.copyOf(values);
  }
}
