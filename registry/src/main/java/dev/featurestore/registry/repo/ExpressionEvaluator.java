package dev.featurestore.registry.repo;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import dev.featurestore.registry.python.Expr;
import dev.featurestore.registry.repo.FeastObjects.ProjectionObject;
import dev.featurestore.registry.repo.FeastObjects.ViewObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates expressions of the declarative subset against a module's names: literals, displays,
 * names, attribute access, subscripts, calls of Feast constructors, arithmetic and comparisons on
 * numbers and strings. Everything else is an UNSUPPORTED_CONSTRUCT naming what was found.
 */
final class ExpressionEvaluator {
  private final Map<String, Object> namespace;

  ExpressionEvaluator(Map<String, Object> namespace) {
    this.namespace = namespace;
  }

  Object evaluate(Expr e) {
    if (e instanceof Expr.Constant c) {
      return c.value() instanceof BigInteger ? unsupported(e.location(), "integers this large are not supported") : c.value();
    } else if (e instanceof Expr.Name n) {
      return lookup(n);
    } else if (e instanceof Expr.FString f) {
      return fstring(f);
    } else if (e instanceof Expr.Attribute a) {
      return attribute(evaluate(a.value()), a.attr(), a.location());
    } else if (e instanceof Expr.Call c) {
      return call(c);
    } else if (e instanceof Expr.Subscript s) {
      return subscript(evaluate(s.value()), s.index(), s.location());
    } else if (e instanceof Expr.ListExpr l) {
      return elements(l.elements());
    } else if (e instanceof Expr.TupleExpr t) {
      return new PyTuple(elements(t.elements()));
    } else if (e instanceof Expr.SetExpr s) {
      return new LinkedHashSet<>(elements(s.elements()));
    } else if (e instanceof Expr.DictExpr d) {
      return dict(d);
    } else if (e instanceof Expr.UnaryOp u) {
      return Operators.unary(u.op(), evaluate(u.operand()), u.location());
    } else if (e instanceof Expr.BinOp b) {
      return Operators.binary(evaluate(b.left()), b.op(), evaluate(b.right()), b.location());
    } else if (e instanceof Expr.Compare c) {
      return compare(c);
    } else if (e instanceof Expr.BoolOp b) {
      return boolOp(b);
    } else if (e instanceof Expr.IfExp i) {
      return PyTypes.truthy(evaluate(i.test())) ? evaluate(i.body()) : evaluate(i.orElse());
    } else if (e instanceof Expr.Lambda l) {
      return new Opaque("lambda", "a lambda cannot be called at module level here", l.location());
    } else if (e instanceof Expr.Opaque o) {
      return unsupported(o.location(), "a " + o.kind() + " cannot be evaluated at module level here");
    } else if (e instanceof Expr.Starred) {
      return unsupported(e.location(), "a starred expression is only allowed in a list, tuple or call");
    } else if (e instanceof Expr.Slice) {
      return unsupported(e.location(), "slices are not supported here");
    }
    throw new IllegalStateException("unknown expression " + e);
  }

  private Object lookup(Expr.Name n) {
    if (namespace.containsKey(n.id())) {
      return namespace.get(n.id());
    }
    throw new FeatureStoreException(ErrorCode.UNKNOWN_REFERENCE, n.location(), "name '" + n.id() + "' is not defined");
  }

  private String fstring(Expr.FString f) {
    StringBuilder out = new StringBuilder();
    for (Expr.FStringPart part : f.parts()) {
      if (part instanceof Expr.FStringLiteral literal) {
        out.append(literal.text());
        continue;
      }
      Expr.FStringField field = (Expr.FStringField) part;
      if (!field.formatSpec().isEmpty()) {
        unsupported(field.expr().location(), "format specifications in f-strings are not supported here");
      }
      Object value = evaluate(field.expr());
      if (!(value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean
          || PyTypes.isNone(value))) {
        unsupported(field.expr().location(), "f-string fields must be str or numbers here, not " + PyTypes.typeName(value));
      }
      String text = field.conversion() == 'r' || field.conversion() == 'a' ? PyTypes.repr(value) : PyTypes.str(value);
      if (field.debug()) {
        out.append(field.exprText()).append('=').append(field.conversion() == 0 ? PyTypes.repr(value) : text);
      } else {
        out.append(text);
      }
    }
    return out.toString();
  }

  Object attribute(Object target, String name, SourceLocation location) {
    if (target instanceof ModuleValue module) {
      Optional<Object> value = module.attribute(name);
      if (value.isEmpty()) {
        throw new FeatureStoreException(ErrorCode.UNKNOWN_REFERENCE, location,
            "module '" + module.name() + "' has no attribute '" + name + "'");
      }
      if (value.get() instanceof FeatureStoreException error) {
        throw error;
      }
      return value.get();
    }
    if (target instanceof EnumClass enumClass) {
      Object member = enumClass.members().get(name);
      if (member == null) {
        throw new FeatureStoreException(ErrorCode.UNKNOWN_REFERENCE, location,
            "type object '" + enumClass.name() + "' has no attribute '" + name + "'");
      }
      return member;
    }
    if (target instanceof Opaque opaque) {
      return new Opaque(opaque.name() + "." + name, opaque.reason(), opaque.definedAt());
    }
    if (target instanceof FeastObject object) {
      Optional<Object> method = ServiceConstructors.Projections.method(object, name);
      if (method.isPresent()) {
        return method.get();
      }
      if (name.equals("name")) {
        return object.name();
      }
      if (name.equals("join_key") && object instanceof FeastObjects.EntityObject entity) {
        return entity.entity.joinKey();
      }
    }
    return unsupported(location, "reading attribute '" + name + "' of " + PyTypes.typeName(target)
        + " is not supported here");
  }

  private Object call(Expr.Call c) {
    Object callee = evaluate(c.func());
    List<Object> positional = new ArrayList<>();
    List<SourceLocation> positionalLocations = new ArrayList<>();
    Map<String, Object> keywords = new LinkedHashMap<>();
    Map<String, SourceLocation> keywordLocations = new HashMap<>();
    for (Expr.Argument argument : c.args()) {
      switch (argument.kind()) {
        case POSITIONAL -> {
          positional.add(evaluate(argument.value()));
          positionalLocations.add(argument.location());
        }
        case KEYWORD -> {
          keywords.put(argument.keyword(), keywordValue(callee, argument));
          keywordLocations.put(argument.keyword(), argument.location());
        }
        case STAR -> {
          for (Object value : iterate(evaluate(argument.value()), argument.location())) {
            positional.add(value);
            positionalLocations.add(argument.location());
          }
        }
        case DOUBLE_STAR -> {
          Object value = evaluate(argument.value());
          if (!(value instanceof Map<?, ?> map)) {
            throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, argument.location(),
                "argument after ** must be a mapping, not " + PyTypes.typeName(value));
          }
          for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (keywords.containsKey(key)) {
              throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, argument.location(),
                  "got multiple values for keyword argument '" + key + "'");
            }
            keywords.put(key, entry.getValue());
            keywordLocations.put(key, argument.location());
          }
        }
      }
    }
    CallArguments arguments = new CallArguments(c.location(), positional, positionalLocations, keywords, keywordLocations);
    if (callee instanceof PyCallable callable) {
      return callable.call(arguments);
    }
    if (callee instanceof Opaque opaque) {
      String reason = opaque.reason() != null ? opaque.reason() : "only Feast definitions are evaluated";
      return unsupported(c.location(), "call to '" + opaque.name() + "' cannot be evaluated here (" + reason + ")");
    }
    throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, c.location(),
        "'" + PyTypes.typeName(callee) + "' object is not callable");
  }

  /** {@code Field(dtype=Float16)}: an undefined dtype name reads as an unknown type, not a NameError. */
  private Object keywordValue(Object callee, Expr.Argument argument) {
    if (argument.keyword().equals("dtype") && callee instanceof Builtin builtin && builtin.name().equals("Field")
        && argument.value() instanceof Expr.Name name && !namespace.containsKey(name.id())) {
      throw FeastTypeNames.unknownType(name.id(), name.location());
    }
    return evaluate(argument.value());
  }

  private Object subscript(Object target, Expr indexExpr, SourceLocation location) {
    Object index = evaluate(indexExpr);
    if (target instanceof ViewObject || target instanceof ProjectionObject) {
      return ServiceConstructors.Projections.select((FeastObject) target, index, indexExpr.location());
    }
    if (target instanceof Map<?, ?> map) {
      if (!map.containsKey(index)) {
        throw new FeatureStoreException(ErrorCode.UNKNOWN_REFERENCE, indexExpr.location(), "KeyError: " + PyTypes.repr(index));
      }
      return map.get(index);
    }
    if ((target instanceof List<?> || target instanceof PyTuple) && index instanceof Long i) {
      List<?> list = target instanceof PyTuple t ? t.elements() : (List<?>) target;
      long at = i < 0 ? list.size() + i : i;
      if (at < 0 || at >= list.size()) {
        throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, indexExpr.location(), "index out of range: " + i);
      }
      return list.get((int) at);
    }
    return unsupported(location, "subscripting " + PyTypes.typeName(target) + " is not supported here");
  }

  private List<Object> elements(List<Expr> exprs) {
    List<Object> values = new ArrayList<>();
    for (Expr element : exprs) {
      if (element instanceof Expr.Starred starred) {
        values.addAll(iterate(evaluate(starred.value()), starred.location()));
      } else {
        values.add(evaluate(element));
      }
    }
    return values;
  }

  private static List<Object> iterate(Object value, SourceLocation location) {
    if (value instanceof List<?> list) {
      return new ArrayList<>(list);
    }
    if (value instanceof PyTuple tuple) {
      return tuple.elements();
    }
    if (value instanceof Set<?> set) {
      return new ArrayList<>(set);
    }
    throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, location,
        "'" + PyTypes.typeName(value) + "' object is not iterable here");
  }

  private Map<Object, Object> dict(Expr.DictExpr d) {
    Map<Object, Object> result = new LinkedHashMap<>();
    for (Expr.DictItem item : d.items()) {
      if (item.key() == null) {
        Object spread = evaluate(item.value());
        if (!(spread instanceof Map<?, ?> map)) {
          throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, item.value().location(),
              "'" + PyTypes.typeName(spread) + "' object is not a mapping");
        }
        result.putAll(map);
      } else {
        result.put(evaluate(item.key()), evaluate(item.value()));
      }
    }
    return result;
  }

  private Object compare(Expr.Compare c) {
    Object left = evaluate(c.left());
    for (int i = 0; i < c.ops().size(); i++) {
      Object right = evaluate(c.comparators().get(i));
      if (!Operators.compare(left, c.ops().get(i), right, c.location())) {
        return false;
      }
      left = right;
    }
    return true;
  }

  private Object boolOp(Expr.BoolOp b) {
    Object value = null;
    for (Expr operand : b.values()) {
      value = evaluate(operand);
      boolean truth = PyTypes.truthy(value);
      if (b.op().equals("and") != truth) {
        return value;
      }
    }
    return value;
  }

  static Object unsupported(SourceLocation location, String message) {
    throw new FeatureStoreException(ErrorCode.UNSUPPORTED_CONSTRUCT, location, message);
  }
}
