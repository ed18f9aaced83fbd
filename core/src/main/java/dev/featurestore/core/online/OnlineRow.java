package dev.featurestore.core.online;

import com.google.protobuf.Timestamp;
import feast.proto.types.ValueProto.Value;
import java.util.Arrays;
import java.util.List;

/**
 * What an online store holds for one entity in one view.
 *
 * @param eventTimestamp the event time of the row's latest write
 * @param values aligned with {@link ViewRead#features()}; an element is {@code null} when the
 *     store has no value for that feature (a field missing from an existing hash), and an empty
 *     {@link Value} when a null was written
 */
public record OnlineRow(Timestamp eventTimestamp, List<Value> values) {
  public OnlineRow {
    if (eventTimestamp == null) {
      eventTimestamp = Timestamp.getDefaultInstance();
    }
    // Arrays.asList keeps null elements, which List.copyOf refuses; the copy keeps it immutable.
    values = java.util.Collections.unmodifiableList(Arrays.asList(values.toArray(new Value[0])));
  }
}
