package dev.featurestore.registry.repo;

import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.Field;
import dev.featurestore.registry.python.Expr;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Python's view of our runtime values: type names for messages, str(), truthiness. */
final class PyTypes {
  static final Object NONE = Expr.Singleton.NONE;

  private PyTypes() {}

  static boolean isNone(Object value) {
    return value == null || value == NONE;
  }

  static String typeName(Object value) {
    if (isNone(value)) {
      return "NoneType";
    } else if (value instanceof String) {
      return "str";
    } else if (value instanceof Boolean) {
      return "bool";
    } else if (value instanceof Long || value instanceof BigInteger) {
      return "int";
    } else if (value instanceof Double) {
      return "float";
    } else if (value instanceof byte[]) {
      return "bytes";
    } else if (value instanceof List) {
      return "list";
    } else if (value instanceof PyTuple) {
      return "tuple";
    } else if (value instanceof Map) {
      return "dict";
    } else if (value instanceof Collection) {
      return "set";
    } else if (value instanceof Duration) {
      return "timedelta";
    } else if (value instanceof Field) {
      return "Field";
    } else if (value instanceof FeastType type) {
      return type.pythonName();
    } else if (value instanceof FeastObject object) {
      return object.kind();
    } else if (value instanceof StreamViewConstructors.AggregationObject) {
      return "Aggregation";
    } else if (value instanceof ModuleValue) {
      return "module";
    } else if (value instanceof PyCallable) {
      return "function";
    } else if (value instanceof Opaque opaque) {
      return opaque.name();
    }
    return value.getClass().getSimpleName();
  }

  static boolean truthy(Object value) {
    if (isNone(value)) {
      return false;
    } else if (value instanceof Boolean b) {
      return b;
    } else if (value instanceof Long l) {
      return l != 0;
    } else if (value instanceof Double d) {
      return d != 0.0;
    } else if (value instanceof String s) {
      return !s.isEmpty();
    } else if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    } else if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    } else if (value instanceof PyTuple t) {
      return !t.elements().isEmpty();
    } else if (value instanceof Duration d) {
      return !d.isZero();
    }
    return true;
  }

  /** {@code str(value)} for the values f-strings and messages need. */
  static String str(Object value) {
    if (isNone(value)) {
      return "None";
    } else if (value instanceof Boolean b) {
      return b ? "True" : "False";
    } else if (value instanceof Double d) {
      return floatRepr(d);
    } else if (value instanceof String s) {
      return s;
    }
    return repr(value);
  }

  static String repr(Object value) {
    if (value instanceof String s) {
      return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    } else if (value instanceof List<?> list) {
      return list.stream().map(PyTypes::repr).reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]").orElse("[]");
    } else if (value instanceof FeastType type) {
      return type.pythonName();
    } else if (value instanceof FeastObject object) {
      return object.kind() + "(name='" + object.name() + "')";
    } else if (value instanceof Duration d) {
      return "timedelta(seconds=" + d.getSeconds() + ")";
    } else if (isNone(value) || value instanceof Boolean || value instanceof Double) {
      return str(value);
    }
    return String.valueOf(value);
  }

  static String floatRepr(double d) {
    if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e16) {
      return String.format(Locale.ROOT, "%.1f", d);
    }
    return Double.toString(d);
  }
}
