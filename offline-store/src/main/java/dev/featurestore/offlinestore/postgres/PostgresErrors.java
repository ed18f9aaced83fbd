package dev.featurestore.offlinestore.postgres;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.sql.SQLException;

/** Sorts driver errors into the store's error codes, by SQLSTATE. */
final class PostgresErrors {

  private PostgresErrors() {}

  /** A failure while running or reading a pull: retriable unless the SQL itself is at fault. */
  static FeatureStoreException unavailable(String view, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    // Class 42 (syntax error or access rule violation) and 22 (data exception) will fail again.
    if (state.startsWith("42") || state.startsWith("22")) {
      return new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
          "PostgreSQL rejected the pull of feature view '" + view + "': " + e.getMessage(), e);
    }
    return new FeatureStoreException(ErrorCode.OFFLINE_STORE_UNAVAILABLE,
        "PostgreSQL could not serve the pull of feature view '" + view + "': " + e.getMessage(), e);
  }

  /** SQLSTATE 42P01: the table (or a table the query names) does not exist. */
  static boolean undefinedTable(SQLException e) {
    return "42P01".equals(e.getSQLState());
  }
}
