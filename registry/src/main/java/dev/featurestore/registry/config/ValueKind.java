package dev.featurestore.registry.config;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The value types Feast's pydantic models declare, with pydantic's acceptance rules: strict kinds
 * take only the YAML type itself; lax ones also take the spellings pydantic converts.
 */
enum ValueKind {
  /** {@code str} / {@code StrictStr}: both refuse numbers and booleans in pydantic 2. */
  STRING("a string"),
  /** {@code StrictInt}. */
  STRICT_INT("an integer"),
  /** {@code int}: also an integral float or a string of digits. */
  INT("an integer"),
  /** {@code StrictBool}. */
  STRICT_BOOL("true or false"),
  /** {@code bool}: also 0/1 and the strings true/false, yes/no, on/off, t/f, y/n, 1/0. */
  BOOL("true or false"),
  MAP("a mapping"),
  LIST("a list"),
  ANY("any value");

  private static final Set<String> TRUE = Set.of("true", "yes", "on", "t", "y", "1");
  private static final Set<String> FALSE = Set.of("false", "no", "off", "f", "n", "0");

  private final String expectation;

  ValueKind(String expectation) {
    this.expectation = expectation;
  }

  String expectation() {
    return expectation;
  }

  /** The value converted to this kind, or null if this kind does not accept it. */
  Object accept(Object value) {
    return switch (this) {
      case STRING -> value instanceof String ? value : null;
      case STRICT_INT -> isInteger(value) ? value : null;
      case INT -> laxInteger(value);
      case STRICT_BOOL -> value instanceof Boolean ? value : null;
      case BOOL -> laxBoolean(value);
      case MAP -> value instanceof Map ? value : null;
      case LIST -> value instanceof List ? value : null;
      case ANY -> value;
    };
  }

  private static boolean isInteger(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
  }

  private static Object laxInteger(Object value) {
    if (isInteger(value)) {
      return value;
    }
    if (value instanceof Double d && !d.isInfinite() && d == Math.rint(d)) {
      return narrow(d.longValue());
    }
    if (value instanceof String s && s.strip().matches("[+-]?\\d+")) {
      try {
        return narrow(Long.parseLong(s.strip()));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Integer when it fits, as SnakeYAML does for plain integers. */
  private static Object narrow(long value) {
    if (value == (int) value) {
      return Integer.valueOf((int) value);
    }
    return Long.valueOf(value);
  }

  private static Object laxBoolean(Object value) {
    if (value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer i && (i == 0 || i == 1)) {
      return i == 1;
    }
    if (value instanceof String s) {
      String word = s.strip().toLowerCase(Locale.ROOT);
      if (TRUE.contains(word)) {
        return true;
      }
      if (FALSE.contains(word)) {
        return false;
      }
    }
    return null;
  }

  /** How a value reads in an error message. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    if (value instanceof Boolean || value instanceof Number) {
      return value.toString();
    }
    if (value instanceof Map) {
      return "a mapping";
    }
    if (value instanceof List) {
      return "a list";
    }
    if (value instanceof java.util.Date) {
      return "a timestamp";
    }
    return "a " + value.getClass().getSimpleName();
  }
}
