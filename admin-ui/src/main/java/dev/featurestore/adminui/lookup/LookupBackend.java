package dev.featurestore.adminui.lookup;

import java.util.Map;

/**
 * Reads online feature values for the lookup page, as a client of the online server would. The
 * online server (or an online store reader) implements it; until then {@link
 * NotConnectedLookupBackend} answers. Thread-safe; called from worker threads.
 */
public interface LookupBackend {

  /** False when nothing is wired in; the page then says so. */
  boolean connected();

  /**
   * The values of {@code featureService}'s features for one entity.
   *
   * @param entityKeys join key to value as typed by the user, e.g. {@code user_id -> user_00042}
   * @return one row per feature, in the service's order
   */
  LookupResult lookup(String featureService, Map<String, String> entityKeys);
}
