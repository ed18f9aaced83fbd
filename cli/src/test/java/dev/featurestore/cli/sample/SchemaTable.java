package dev.featurestore.cli.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each generated file must contain, copied by hand from feature_repo/*.py so that a change on
 * either side fails a test. Int64 is BIGINT, Float64 DOUBLE, String VARCHAR, Bool BOOLEAN; every
 * file also has the join key and two UTC timestamps.
 */
final class SchemaTable {
  static final String TS = "TIMESTAMP WITH TIME ZONE";

  // Columns: view, the file defining it, join key, features as name:type in file order.
  private static final String TABLE =
      """
      user_demographics         user_features.py        user_id     age:BIGINT country:VARCHAR account_age_days:BIGINT
      user_credit_profile       user_features.py        user_id     credit_score:BIGINT credit_limit:DOUBLE utilization_ratio:DOUBLE open_loans:BIGINT
      user_order_behavior       user_features.py        user_id     total_orders:BIGINT avg_order_value:DOUBLE orders_30d:BIGINT
      user_repayment_risk       user_features.py        user_id     payment_delays:BIGINT missed_payments_90d:BIGINT
      user_transaction_velocity transaction_features.py user_id     txn_count_1h:BIGINT txn_count_24h:BIGINT txn_amount_24h:DOUBLE
      merchant_features         merchant_features.py    merchant_id category:VARCHAR risk_score:DOUBLE chargeback_rate:DOUBLE
      device_risk               device_features.py      device_id   fingerprint_risk_score:DOUBLE devices_per_user:BIGINT ip_country_mismatch:BOOLEAN
      """;

  /** View name to its columns (file order) and their DuckDB types. */
  static final Map<String, Map<String, String>> EXPECTED = new LinkedHashMap<>();

  /** View name to the .py file defining it. */
  static final Map<String, String> DEFINED_IN = new LinkedHashMap<>();

  static {
    for (String line : TABLE.strip().split("\n")) {
      String[] cells = line.trim().split("\\s+");
      Map<String, String> columns = new LinkedHashMap<>();
      columns.put(cells[2], "VARCHAR");
      columns.put("event_timestamp", TS);
      columns.put("created", TS);
      for (int i = 3; i < cells.length; i++) {
        String[] feature = cells[i].split(":");
        columns.put(feature[0], feature[1]);
      }
      EXPECTED.put(cells[0], columns);
      DEFINED_IN.put(cells[0], cells[1]);
    }
  }

  static final List<String> VIEWS = List.copyOf(EXPECTED.keySet());

  private SchemaTable() {}

  /** The Feast dtype a DuckDB type stands for in the .py files. */
  static String feastType(String duckDbType) {
    return switch (duckDbType) {
      case "BIGINT" -> "Int64";
      case "DOUBLE" -> "Float64";
      case "VARCHAR" -> "String";
      case "BOOLEAN" -> "Bool";
      default -> throw new IllegalArgumentException(duckDbType);
    };
  }
}
