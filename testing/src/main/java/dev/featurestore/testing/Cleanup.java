package dev.featurestore.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Closes whatever tests left open when the JVM exits, newest first, so that no server outlives the
 * test run even when a test forgets {@code close()}.
 */
final class Cleanup {
  private static final Set<AutoCloseable> OPEN = new LinkedHashSet<>();
  private static boolean hookInstalled;

  private Cleanup() {}

  static synchronized void register(AutoCloseable resource) {
    if (!hookInstalled) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(Cleanup::closeAll, "featurestore-testing-cleanup"));
      hookInstalled = true;
    }
    OPEN.add(resource);
  }

  static synchronized void unregister(AutoCloseable resource) {
    OPEN.remove(resource);
  }

  private static void closeAll() {
    List<AutoCloseable> newestFirst;
    synchronized (Cleanup.class) {
      newestFirst = new ArrayList<>(OPEN);
      OPEN.clear();
    }
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      try {
        newestFirst.get(i).close();
      } catch (Exception e) {
        System.err.println("featurestore-testing: cleanup failed: " + e);
      }
    }
  }
}
