package dev.featurestore.onlineserver.serving;

import dev.featurestore.core.online.OnlineRow;
import java.util.List;

/**
 * What the server does about entities the online store does not hold, after the store read and
 * before the response is assembled. Absent (no handler at all) under the default policy, so a
 * plain server does no extra work per request.
 *
 * <p>Implementations are thread-safe; {@link #close} stops their background work.
 */
public interface MissHandler extends AutoCloseable {

  /**
   * Called once per request with the store's results.
   *
   * @param selections the views read, aligned with {@code keys} and {@code results}
   * @param results per selection, one row or {@code null} per distinct key
   * @return the results to answer with: {@code results} itself, or a copy with some gaps filled
   */
  List<List<OnlineRow>> onMisses(String project, List<ViewSelection> selections, List<EntityKeys> keys,
      List<List<OnlineRow>> results);

  @Override
  void close();
}
