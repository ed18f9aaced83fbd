package dev.featurestore.cli.sample;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.SplittableRandom;
import org.duckdb.DuckDBAppender;

/**
 * Appends feature values to the current row, replacing a small share of them with nulls so that
 * readers meet missing values as they would in real exports. Entity ids and timestamps never go
 * through here: they are never null.
 */
final class FeatureWriter {
  static final double NULL_RATE = 0.005;

  private final DuckDBAppender appender;
  private SplittableRandom rng;

  FeatureWriter(DuckDBAppender appender) {
    this.appender = requireNonNull(appender, "appender is null");
  }

  /** Null decisions of the rows that follow are drawn from this entity's stream. */
  void useStream(SplittableRandom rng) {
    this.rng = requireNonNull(rng, "rng is null");
  }

  void int64(long value) throws SQLException {
    if (!skip()) {
      appender.append(value);
    }
  }

  void float64(double value) throws SQLException {
    if (!skip()) {
      appender.append(value);
    }
  }

  void string(String value) throws SQLException {
    if (!skip()) {
      appender.append(value);
    }
  }

  void bool(boolean value) throws SQLException {
    if (!skip()) {
      appender.append(value);
    }
  }

  private boolean skip() throws SQLException {
    if (rng.nextDouble() < NULL_RATE) {
      appender.appendNull();
      return true;
    }
    return false;
  }
}
