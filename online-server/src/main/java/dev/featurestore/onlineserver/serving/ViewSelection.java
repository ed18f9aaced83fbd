package dev.featurestore.onlineserver.serving;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * The features one request reads from one view.
 *
 * @param prefix what full feature names start with: the view's name or the projection's alias
 * @param features plain feature names, in the order of the store read
 * @param joinKeyMap view join key to the request's entity column (Feast's {@code
 *     with_join_key_map}); keys not in it use their own name
 */
public record ViewSelection(ViewInfo view, String prefix, List<String> features, Map<String, String> joinKeyMap) {
  public ViewSelection {
    requireNonNull(view, "view is null");
    requireNonNull(prefix, "prefix is null");
    features = List.copyOf(features);
    joinKeyMap = Map.copyOf(joinKeyMap);
  }

  /** The request entity column that supplies {@code key}. */
  public String requestColumn(JoinKey key) {
    return joinKeyMap.getOrDefault(key.name(), key.name());
  }
}
