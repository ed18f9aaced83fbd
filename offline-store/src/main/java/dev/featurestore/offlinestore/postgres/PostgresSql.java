package dev.featurestore.offlinestore.postgres;

/** Quoting for the SQL this package writes; every column name goes through here. */
final class PostgresSql {

  private PostgresSql() {}

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
