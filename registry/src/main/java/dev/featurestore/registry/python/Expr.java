package dev.featurestore.registry.python;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.SourceLocation;
import java.util.List;

/** Python expression nodes of the declarative subset. Every node knows where it starts. */
public sealed interface Expr {

  SourceLocation location();

  /** The singletons that are not Java values. */
  enum Singleton {
    NONE,
    ELLIPSIS
  }

  record Name(String id, SourceLocation location) implements Expr {
    public Name {
      requireNonNull(id, "id is null");
    }
  }

  /**
   * A literal: {@link String}, {@code byte[]}, {@link Long} or {@link java.math.BigInteger},
   * {@link Double}, {@link Boolean} or a {@link Singleton}.
   */
  record Constant(Object value, SourceLocation location) implements Expr {
    public Constant {
      requireNonNull(value, "value is null");
    }
  }

  /** An f-string (after adjacent literals were joined), kept as parts. */
  record FString(List<FStringPart> parts, String text, SourceLocation location) implements Expr {
    public FString {
      parts = List.copyOf(parts);
    }
  }

  /** A piece of an f-string: literal text or a replacement field. */
  sealed interface FStringPart {}

  record FStringLiteral(String text) implements FStringPart {}

  /**
   * {@code {expr!conversion:spec}}; {@code conversion} is 0 when absent, {@code formatSpec} is the
   * raw spec text ("" when absent), {@code debug} is true for {@code {expr=}}.
   */
  record FStringField(Expr expr, String exprText, char conversion, String formatSpec, boolean debug)
      implements FStringPart {}

  record Attribute(Expr value, String attr, SourceLocation location) implements Expr {}

  record Call(Expr func, List<Argument> args, SourceLocation location) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  enum ArgumentKind {
    POSITIONAL,
    KEYWORD,
    STAR,
    DOUBLE_STAR
  }

  /** A call argument; {@code keyword} is null unless the kind is KEYWORD. */
  record Argument(ArgumentKind kind, String keyword, Expr value, SourceLocation location) {}

  record Subscript(Expr value, Expr index, SourceLocation location) implements Expr {}

  /** {@code lower:upper:step}; absent parts are null. */
  record Slice(Expr lower, Expr upper, Expr step, SourceLocation location) implements Expr {}

  record ListExpr(List<Expr> elements, SourceLocation location) implements Expr {
    public ListExpr {
      elements = List.copyOf(elements);
    }
  }

  record TupleExpr(List<Expr> elements, SourceLocation location) implements Expr {
    public TupleExpr {
      elements = List.copyOf(elements);
    }
  }

  record SetExpr(List<Expr> elements, SourceLocation location) implements Expr {
    public SetExpr {
      elements = List.copyOf(elements);
    }
  }

  /** A dict display; an item with a null key is a {@code **mapping} spread. */
  record DictExpr(List<DictItem> items, SourceLocation location) implements Expr {
    public DictExpr {
      items = List.copyOf(items);
    }
  }

  record DictItem(Expr key, Expr value) {}

  record Starred(Expr value, SourceLocation location) implements Expr {}

  /** {@code op} is one of "-", "+", "~", "not". */
  record UnaryOp(String op, Expr operand, SourceLocation location) implements Expr {}

  /** Arithmetic and bitwise operators, spelt as in Python ("+", "//", "**", "|"...). */
  record BinOp(Expr left, String op, Expr right, SourceLocation location) implements Expr {}

  /** A comparison chain; ops are "<", "==", "in", "not in", "is", "is not"... */
  record Compare(Expr left, List<String> ops, List<Expr> comparators, SourceLocation location)
      implements Expr {
    public Compare {
      ops = List.copyOf(ops);
      comparators = List.copyOf(comparators);
    }
  }

  /** {@code op} is "and" or "or". */
  record BoolOp(String op, List<Expr> values, SourceLocation location) implements Expr {
    public BoolOp {
      values = List.copyOf(values);
    }
  }

  record IfExp(Expr test, Expr body, Expr orElse, SourceLocation location) implements Expr {}

  /** A lambda, kept as source text: it is never called. */
  record Lambda(String text, SourceLocation location) implements Expr {}

  /**
   * Syntax we recognise but do not model (comprehensions, generator expressions, await, yield,
   * assignment expressions), kept as text so evaluation can name it.
   */
  record Opaque(String kind, String text, SourceLocation location) implements Expr {}
}
