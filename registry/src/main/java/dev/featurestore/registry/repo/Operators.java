package dev.featurestore.registry.repo;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Python's operators on the values module-level definitions use: numbers, strings, lists, timedeltas. */
final class Operators {
  private Operators() {}

  static Object unary(String op, Object value, SourceLocation location) {
    switch (op) {
      case "not":
        return !PyTypes.truthy(value);
      case "-":
        if (value instanceof Long l) {
          return Math.negateExact(l);
        } else if (value instanceof Double d) {
          return -d;
        } else if (value instanceof Duration d) {
          return d.negated();
        }
        break;
      case "+":
        if (value instanceof Long || value instanceof Double || value instanceof Duration) {
          return value;
        }
        break;
      case "~":
        if (value instanceof Long l) {
          return ~l;
        }
        break;
      default:
        break;
    }
    throw typeError(location, "bad operand type for unary " + op + ": '" + PyTypes.typeName(value) + "'");
  }

  static Object binary(Object left, String op, Object right, SourceLocation location) {
    if (left instanceof Boolean b) {
      left = b ? 1L : 0L;
    }
    if (right instanceof Boolean b) {
      right = b ? 1L : 0L;
    }
    if (left instanceof Long a && right instanceof Long b) {
      return integers(a, op, b, location);
    }
    if (isNumber(left) && isNumber(right)) {
      return floats(((Number) left).doubleValue(), op, ((Number) right).doubleValue(), location);
    }
    if (op.equals("+")) {
      if (left instanceof String a && right instanceof String b) {
        return a + b;
      }
      if (left instanceof List<?> a && right instanceof List<?> b) {
        List<Object> joined = new ArrayList<>(a);
        joined.addAll(b);
        return joined;
      }
      if (left instanceof PyTuple a && right instanceof PyTuple b) {
        List<Object> joined = new ArrayList<>(a.elements());
        joined.addAll(b.elements());
        return new PyTuple(joined);
      }
      if (left instanceof Duration a && right instanceof Duration b) {
        return a.plus(b);
      }
    }
    if (op.equals("-") && left instanceof Duration a && right instanceof Duration b) {
      return a.minus(b);
    }
    if (op.equals("*")) {
      if (left instanceof Duration d && right instanceof Long n) {
        return d.multipliedBy(n);
      }
      if (left instanceof Long n && right instanceof Duration d) {
        return d.multipliedBy(n);
      }
      if (left instanceof String s && right instanceof Long n) {
        return s.repeat((int) Math.max(0, n));
      }
    }
    if (op.equals("|") && left instanceof Map<?, ?> a && right instanceof Map<?, ?> b) {
      Map<Object, Object> merged = new LinkedHashMap<>(a);
      merged.putAll(b);
      return merged;
    }
    throw typeError(location, "unsupported operand type(s) for " + op + ": '" + PyTypes.typeName(left) + "' and '"
        + PyTypes.typeName(right) + "'");
  }

  private static boolean isNumber(Object value) {
    return value instanceof Long || value instanceof Double;
  }

  private static Object integers(long a, String op, long b, SourceLocation location) {
    switch (op) {
      case "+":
        return Math.addExact(a, b);
      case "-":
        return Math.subtractExact(a, b);
      case "*":
        return Math.multiplyExact(a, b);
      case "/":
        return floats(a, op, b, location);
      case "//":
        checkDivisor(b, location);
        return Math.floorDiv(a, b);
      case "%":
        checkDivisor(b, location);
        return Math.floorMod(a, b);
      case "**":
        if (b < 0) {
          return Math.pow(a, b);
        }
        long result = 1;
        for (long i = 0; i < b; i++) {
          result = Math.multiplyExact(result, a);
        }
        return result;
      case "|":
        return a | b;
      case "&":
        return a & b;
      case "^":
        return a ^ b;
      case "<<":
        return a << b;
      case ">>":
        return a >> b;
      default:
        throw typeError(location, "unsupported operand type(s) for " + op + ": 'int' and 'int'");
    }
  }

  private static Object floats(double a, String op, double b, SourceLocation location) {
    switch (op) {
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "*":
        return a * b;
      case "/":
        checkDivisor(b, location);
        return a / b;
      case "//":
        checkDivisor(b, location);
        return Math.floor(a / b);
      case "%":
        checkDivisor(b, location);
        return a - Math.floor(a / b) * b;
      case "**":
        return Math.pow(a, b);
      default:
        throw typeError(location, "unsupported operand type(s) for " + op + ": 'float' and 'float'");
    }
  }

  private static void checkDivisor(double divisor, SourceLocation location) {
    if (divisor == 0) {
      throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, location, "division by zero");
    }
  }

  static boolean compare(Object left, String op, Object right, SourceLocation location) {
    switch (op) {
      case "==":
        return pyEquals(left, right);
      case "!=":
        return !pyEquals(left, right);
      case "is":
        return left == right || (PyTypes.isNone(left) && PyTypes.isNone(right));
      case "is not":
        return !(left == right || (PyTypes.isNone(left) && PyTypes.isNone(right)));
      case "in":
        return contains(right, left, location);
      case "not in":
        return !contains(right, left, location);
      default:
        break;
    }
    int order;
    if (isNumber(left) && isNumber(right)) {
      order = Double.compare(((Number) left).doubleValue(), ((Number) right).doubleValue());
    } else if (left instanceof String a && right instanceof String b) {
      order = a.compareTo(b);
    } else if (left instanceof Duration a && right instanceof Duration b) {
      order = a.compareTo(b);
    } else {
      throw typeError(location, "'" + op + "' not supported between instances of '" + PyTypes.typeName(left)
          + "' and '" + PyTypes.typeName(right) + "'");
    }
    return switch (op) {
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  private static boolean pyEquals(Object a, Object b) {
    if (isNumber(a) && isNumber(b)) {
      return ((Number) a).doubleValue() == ((Number) b).doubleValue();
    }
    return Objects.equals(a, b);
  }

  private static boolean contains(Object container, Object item, SourceLocation location) {
    if (container instanceof String s && item instanceof String i) {
      return s.contains(i);
    }
    if (container instanceof Collection<?> c) {
      return c.stream().anyMatch(e -> pyEquals(e, item));
    }
    if (container instanceof PyTuple t) {
      return t.elements().stream().anyMatch(e -> pyEquals(e, item));
    }
    if (container instanceof Map<?, ?> m) {
      return m.containsKey(item);
    }
    throw typeError(location, "argument of type '" + PyTypes.typeName(container) + "' is not iterable");
  }

  private static FeatureStoreException typeError(SourceLocation location, String message) {
    return new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, location, message);
  }
}
