package dev.featurestore.adminui.overview;

import java.util.List;

/**
 * Produces the current alerts of one concern (registry refreshes, stale views, failed jobs...).
 * Called on every overview request from a worker thread; must be fast, thread-safe and not throw.
 */
public interface AlertSource {

  /** The alerts active now, in any order; empty when all is well. */
  List<Alert> alerts();
}
