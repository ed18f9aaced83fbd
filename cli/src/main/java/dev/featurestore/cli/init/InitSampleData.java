package dev.featurestore.cli.init;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * The example repository's data: {@code customer_stats.parquet}, one row per customer and day,
 * written through DuckDB. Values come from a fixed seed and timestamps end at {@code end}, so the
 * same day always gives the same file.
 */
final class InitSampleData {
  static final String FILE_NAME = "customer_stats.parquet";
  static final int CUSTOMERS = 10;
  static final int DAYS = 14;
  static final long FIRST_CUSTOMER_ID = 1001;
  private static final long SEED = 42;

  private InitSampleData() {}

  /** Writes the file into {@code dataDir} (which must exist); returns how many rows it holds. */
  static int write(Path dataDir, Instant end) {
    Path parquet = dataDir.resolve(FILE_NAME).toAbsolutePath();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE customer_stats (customer_id BIGINT, orders_30d BIGINT,"
          + " avg_order_amount DOUBLE, late_payment_rate FLOAT, has_active_plan BOOLEAN,"
          + " event_timestamp TIMESTAMPTZ, created TIMESTAMPTZ)");
      int rows = insertRows(connection, end.truncatedTo(ChronoUnit.SECONDS));
      statement.execute("COPY (SELECT * FROM customer_stats ORDER BY customer_id, event_timestamp) TO '"
          + parquet.toString().replace("'", "''") + "' (FORMAT parquet)");
      return rows;
    } catch (SQLException e) {
      throw new FeatureStoreException(
          ErrorCode.INTERNAL, "cannot write the example data " + parquet + ": " + e.getMessage(), e);
    }
  }

  private static int insertRows(Connection connection, Instant end) throws SQLException {
    SplittableRandom random = new SplittableRandom(SEED);
    int rows = 0;
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO customer_stats VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (int customer = 0; customer < CUSTOMERS; customer++) {
        // Each customer has a habit; the daily rows wander around it.
        double habit = 1 + random.nextInt(12);
        double basket = 20 + random.nextDouble() * 180;
        double lateness = random.nextDouble() * 0.2;
        for (int day = DAYS - 1; day >= 0; day--) {
          Instant event = end.minus(day, ChronoUnit.DAYS).minus(1 + random.nextInt(60), ChronoUnit.MINUTES);
          insert.setLong(1, FIRST_CUSTOMER_ID + customer);
          insert.setLong(2, Math.max(0, Math.round(habit + random.nextGaussian() * 2)));
          insert.setDouble(3, Math.round((basket + random.nextGaussian() * 10) * 100) / 100.0);
          insert.setFloat(4, (float) Math.min(1, Math.max(0, lateness + random.nextGaussian() * 0.02)));
          insert.setBoolean(5, random.nextDouble() < 0.6);
          insert.setObject(6, OffsetDateTime.ofInstant(event, ZoneOffset.UTC));
          insert.setObject(7, OffsetDateTime.ofInstant(event.plus(5, ChronoUnit.MINUTES), ZoneOffset.UTC));
          insert.addBatch();
          rows++;
        }
      }
      insert.executeBatch();
    }
    return rows;
  }
}
