package dev.featurestore.cli.sample;

import static java.util.Objects.requireNonNull;

/**
 * A column of a sample Parquet file. The SQL type is what the Feast dtype of the same field reads
 * back as: Int64 is BIGINT, Float64 DOUBLE, String VARCHAR, Bool BOOLEAN.
 */
record SampleColumn(String name, String sqlType) {
  SampleColumn {
    requireNonNull(name, "name is null");
    requireNonNull(sqlType, "sqlType is null");
  }

  static SampleColumn int64(String name) {
    return new SampleColumn(name, "BIGINT");
  }

  static SampleColumn float64(String name) {
    return new SampleColumn(name, "DOUBLE");
  }

  static SampleColumn string(String name) {
    return new SampleColumn(name, "VARCHAR");
  }

  static SampleColumn bool(String name) {
    return new SampleColumn(name, "BOOLEAN");
  }

  /**
   * Parquet stores these as UTC instants (isAdjustedToUTC), which Feast's file source reads as
   * tz-aware UTC timestamps, whatever the reader's time zone.
   */
  static SampleColumn timestamp(String name) {
    return new SampleColumn(name, "TIMESTAMP WITH TIME ZONE");
  }
}
