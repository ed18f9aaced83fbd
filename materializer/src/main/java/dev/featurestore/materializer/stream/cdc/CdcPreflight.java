package dev.featurestore.materializer.stream.cdc;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.materializer.stream.CdcConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Checks with a plain JDBC connection what Debezium would only report as a stack trace deep in its
 * start-up: logical decoding switched on, replication rights, a usable slot.
 */
final class CdcPreflight {
  private static final String PLUGIN = "pgoutput";

  private CdcPreflight() {}

  /**
   * Runs the checks and returns the slot's {@code confirmed_flush_lsn} (0 when the slot does not
   * exist yet).
   *
   * @throws FeatureStoreException INVALID_CONFIG when the database cannot serve CDC as configured;
   *     retrying does not help
   * @throws SQLException when the database cannot be reached or queried; retrying may help
   */
  static long check(CdcConfig config) throws SQLException {
    try (Connection connection = connect(config)) {
      checkWalLevel(config, connection);
      checkReplicationRights(config, connection);
      return checkSlot(config, connection);
    }
  }

  static Connection connect(CdcConfig config) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", config.user());
    properties.setProperty("password", config.password());
    properties.setProperty("connectTimeout", "10");
    properties.setProperty("socketTimeout", "30");
    properties.setProperty("ApplicationName", "featurestore-cdc-check");
    String url =
        "jdbc:postgresql://" + config.host() + ":" + config.port() + "/" + config.database();
    return DriverManager.getConnection(url, properties);
  }

  private static void checkWalLevel(CdcConfig config, Connection connection) throws SQLException {
    String walLevel = single(connection, "SHOW wal_level");
    if (!"logical".equals(walLevel)) {
      throw invalid(
          config,
          "wal_level is '"
              + walLevel
              + "', but CDC needs wal_level=logical: set it in postgresql.conf (or ALTER SYSTEM"
              + " SET wal_level = logical) and restart PostgreSQL");
    }
  }

  private static void checkReplicationRights(CdcConfig config, Connection connection)
      throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT rolsuper OR rolreplication FROM pg_roles WHERE rolname = current_user")) {
      if (!rows.next() || !rows.getBoolean(1)) {
        throw invalid(
            config,
            "user '"
                + config.user()
                + "' may not stream changes: it needs the REPLICATION attribute (ALTER ROLE "
                + config.user()
                + " WITH REPLICATION) or superuser");
      }
    }
  }

  private static long checkSlot(CdcConfig config, Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT database, plugin, confirmed_flush_lsn::text FROM pg_replication_slots"
                + " WHERE slot_name = ?")) {
      statement.setString(1, config.slotName());
      try (ResultSet rows = statement.executeQuery()) {
        if (rows.next()) {
          return existingSlot(config, rows.getString(1), rows.getString(2), rows.getString(3));
        }
      }
    }
    int max = Integer.parseInt(single(connection, "SHOW max_replication_slots"));
    int used = Integer.parseInt(single(connection, "SELECT count(*) FROM pg_replication_slots"));
    if (used >= max) {
      throw invalid(
          config,
          "the replication slot '"
              + config.slotName()
              + "' does not exist and cannot be created: all "
              + max
              + " slots (max_replication_slots) are in use");
    }
    return 0L;
  }

  private static long existingSlot(
      CdcConfig config, String database, String plugin, String confirmedFlushLsn) {
    if (database == null || !database.equals(config.database())) {
      throw invalid(
          config,
          "the replication slot '"
              + config.slotName()
              + "' belongs to "
              + (database == null ? "physical replication" : "database '" + database + "'")
              + "; choose another slot_name");
    }
    if (!PLUGIN.equals(plugin)) {
      throw invalid(
          config,
          "the replication slot '"
              + config.slotName()
              + "' uses the plugin '"
              + plugin
              + "', but the reader needs "
              + PLUGIN
              + "; choose another slot_name or drop the slot");
    }
    return confirmedFlushLsn == null ? 0L : parseLsn(confirmedFlushLsn);
  }

  /** PostgreSQL's text form {@code 16/B374D848}: high and low 32 bits in hex. */
  static long parseLsn(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not an LSN: " + text);
    }
    long high = Long.parseLong(text.substring(0, slash), 16);
    long low = Long.parseLong(text.substring(slash + 1), 16);
    return high << 32 | low;
  }

  private static String single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static FeatureStoreException invalid(CdcConfig config, String problem) {
    return new FeatureStoreException(
        ErrorCode.INVALID_CONFIG,
        "materializer.streaming.cdc: PostgreSQL " + config.describe() + ": " + problem);
  }
}
