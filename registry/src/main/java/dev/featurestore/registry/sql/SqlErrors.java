package dev.featurestore.registry.sql;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Sorts JDBC, jOOQ and Flyway failures into the registry's error codes, once. */
final class SqlErrors {

  private SqlErrors() {}

  static FeatureStoreException translate(String displayUrl, Exception e) {
    if (e instanceof FeatureStoreException fse) {
      return fse;
    }
    SQLException sql = find(e, SQLException.class);
    String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
    if (state.equals("40001") || state.equals("40P01")) {
      return new FeatureStoreException(
          ErrorCode.CONCURRENT_UPDATE,
          "registry database " + displayUrl + ": a concurrent update conflicted, retry: " + rootMessage(e),
          e);
    }
    if (unreachable(e, state)) {
      return new FeatureStoreException(
          ErrorCode.REGISTRY_UNAVAILABLE,
          "registry database " + displayUrl + " unreachable: " + rootMessage(e),
          e);
    }
    return new FeatureStoreException(
        ErrorCode.REGISTRY_UNAVAILABLE, "registry database " + displayUrl + " failed: " + rootMessage(e), e);
  }

  private static boolean unreachable(Exception e, String state) {
    // 08: connection exceptions; 28: authentication; 3D: no such database; 53/57P: server out of
    // resources or shutting down.
    return state.startsWith("08") || state.startsWith("28") || state.startsWith("3D")
        || state.startsWith("53") || state.startsWith("57P")
        || find(e, SQLTransientConnectionException.class) != null
        || find(e, ConnectException.class) != null
        || find(e, UnknownHostException.class) != null
        || (e.getMessage() != null && e.getMessage().contains("Unable to obtain connection"));
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.strip();
  }
}
