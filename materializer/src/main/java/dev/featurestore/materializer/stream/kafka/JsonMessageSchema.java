package dev.featurestore.materializer.stream.kafka;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a Feast {@code JsonFormat(schema_json=...)}: despite the name, a Spark DDL string
 * such as {@code "driver_id integer, event_timestamp timestamp, conv_rate double"}, which Feast's
 * {@code spark_kafka_processor.py} hands to pyspark's {@code from_json}. Only scalar Spark types
 * are supported; {@code NOT NULL} and {@code COMMENT '...'} are accepted and ignored, as {@code
 * from_json} ignores them too.
 */
record JsonMessageSchema(List<Column> columns) {

  /** What a declared Spark type decodes to. */
  enum Kind {
    INTEGER,
    DOUBLE,
    BOOLEAN,
    STRING,
    TIMESTAMP,
    DATE,
    BINARY
  }

  /**
   * One declared column.
   *
   * @param declaredType the Spark type as written, for messages
   * @param min smallest value of an integer column (its Spark width), else unused
   * @param max largest value of an integer column
   */
  record Column(String name, Kind kind, String declaredType, long min, long max) {}

  // name (plain or `back-quoted`), blanks or a colon, the type with its (args) or <params>, and
  // what may follow it.
  private static final Pattern DEFINITION =
      Pattern.compile(
          "(`(?:[^`]|``)+`|[^\\s:`]+)(?:\\s*:\\s*|\\s+)([A-Za-z_][A-Za-z0-9_]*)\\s*(\\([^)]*\\)|<.*>)?"
              + "((?:\\s+NOT\\s+NULL)?(?:\\s+COMMENT\\s+('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"))?)\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  JsonMessageSchema {
    columns = List.copyOf(columns);
  }

  /**
   * Reads {@code ddl}.
   *
   * @param what names the source in messages ("KafkaSource driver_stats")
   * @throws FeatureStoreException INVALID_DEFINITION naming the column and the type that cannot be
   *     read or is not a scalar Spark type
   */
  static JsonMessageSchema parse(String ddl, String what) {
    List<Column> columns = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String definition : splitTopLevel(ddl, what)) {
      Matcher matcher = DEFINITION.matcher(definition);
      if (!matcher.matches()) {
        throw invalid(what, "cannot read column definition '" + definition + "'");
      }
      String name = unquote(matcher.group(1));
      String typeName = matcher.group(2).toLowerCase(Locale.ROOT);
      String arguments = matcher.group(3) == null ? "" : matcher.group(3);
      String declared = typeName + arguments;
      if (!names.add(name)) {
        throw invalid(what, "column " + name + " is declared twice");
      }
      columns.add(column(name, typeName, arguments, declared, what));
    }
    return new JsonMessageSchema(columns);
  }

  private static Column column(
      String name, String typeName, String arguments, String declared, String what) {
    if (arguments.startsWith("<")) {
      throw unsupported(what, name, declared);
    }
    Column column =
        switch (typeName) {
          case "tinyint", "byte" -> integer(name, declared, Byte.MIN_VALUE, Byte.MAX_VALUE);
          case "smallint", "short" -> integer(name, declared, Short.MIN_VALUE, Short.MAX_VALUE);
          case "int", "integer" -> integer(name, declared, Integer.MIN_VALUE, Integer.MAX_VALUE);
          case "bigint", "long" -> integer(name, declared, Long.MIN_VALUE, Long.MAX_VALUE);
          case "float", "real", "double", "decimal", "dec", "numeric" ->
              scalar(name, Kind.DOUBLE, declared);
          case "boolean" -> scalar(name, Kind.BOOLEAN, declared);
          case "string", "varchar", "char" -> scalar(name, Kind.STRING, declared);
          case "timestamp", "timestamp_ltz", "timestamp_ntz" ->
              scalar(name, Kind.TIMESTAMP, declared);
          case "date" -> scalar(name, Kind.DATE, declared);
          case "binary" -> scalar(name, Kind.BINARY, declared);
          default -> throw unsupported(what, name, declared);
        };
    boolean takesArguments =
        switch (typeName) {
          case "decimal", "dec", "numeric", "varchar", "char" -> true;
          default -> false;
        };
    if (!arguments.isEmpty() && !takesArguments) {
      throw unsupported(what, name, declared);
    }
    return column;
  }

  private static Column integer(String name, String declared, long min, long max) {
    return new Column(name, Kind.INTEGER, declared, min, max);
  }

  private static Column scalar(String name, Kind kind, String declared) {
    return new Column(name, kind, declared, 0, 0);
  }

  /** Splits at commas outside parentheses, angle brackets, back-quotes and quoted comments. */
  private static List<String> splitTopLevel(String ddl, String what) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < ddl.length(); i++) {
      char c = ddl.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote != '`') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '`' || c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '<') {
        depth++;
      } else if (c == ')' || c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(ddl.substring(start, i).trim());
        start = i + 1;
      }
    }
    parts.add(ddl.substring(start).trim());
    for (String part : parts) {
      if (part.isEmpty()) {
        throw invalid(what, "has an empty column definition in '" + ddl + "'");
      }
    }
    return parts;
  }

  private static String unquote(String name) {
    if (name.startsWith("`")) {
      return name.substring(1, name.length() - 1).replace("``", "`");
    }
    return name;
  }

  private static FeatureStoreException unsupported(String what, String column, String type) {
    return invalid(
        what,
        "column "
            + column
            + " has type "
            + type
            + ", which JSON messages do not support (supported: tinyint, smallint, int, bigint,"
            + " float, double, decimal, boolean, string, timestamp, date, binary)");
  }

  private static FeatureStoreException invalid(String what, String problem) {
    return new FeatureStoreException(
        ErrorCode.INVALID_DEFINITION, what + ": schema_json " + problem);
  }
}
