package dev.featurestore.offlinestore.file;

/** Quoting for the SQL this package writes; every name and literal goes through here. */
final class DuckDbSql {

  private DuckDbSql() {}

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
