package dev.featurestore.registry.python;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import dev.featurestore.registry.python.Expr.Argument;
import dev.featurestore.registry.python.Expr.ArgumentKind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Recursive-descent parser for Python expressions, following the precedence of Python's grammar. */
final class ExpressionParser {
  private static final Set<String> COMPARISON_OPS = Set.of("<", ">", "==", ">=", "<=", "!=");

  private final String file;
  private final TokenCursor in;

  ExpressionParser(String file, TokenCursor in) {
    this.file = file;
    this.in = in;
  }

  /** {@code a, *b, c} without brackets: a tuple when there is a comma. */
  Expr starExpressions() {
    Expr first = starExpression();
    if (!in.atOp(",")) {
      return first;
    }
    List<Expr> elements = new ArrayList<>(List.of(first));
    while (in.acceptOp(",")) {
      if (!TokenCursor.startsExpression(in.peek())) {
        break;
      }
      elements.add(starExpression());
    }
    return new Expr.TupleExpr(elements, first.location());
  }

  Expr starExpression() {
    Token star = in.peek();
    if (in.acceptOp("*")) {
      return new Expr.Starred(bitOr(), star.location());
    }
    return expression();
  }

  /** An expression that may be an assignment expression ({@code x := y}), kept opaque. */
  Expr namedExpression() {
    Token first = in.peek();
    if (first.kind() == TokenKind.NAME && in.peek(1).isOp(":=")) {
      in.advance();
      in.advance();
      expression();
      return new Expr.Opaque("assignment expression", in.text(first, in.previous()), first.location());
    }
    return expression();
  }

  Expr expression() {
    if (in.atKeyword("lambda")) {
      return lambda();
    }
    if (in.atKeyword("yield")) {
      Token first = in.advance();
      if (TokenCursor.startsExpression(in.peek()) || in.atKeyword("from")) {
        in.acceptKeyword("from");
        starExpressions();
      }
      return new Expr.Opaque("yield expression", in.text(first, in.previous()), first.location());
    }
    Expr body = disjunction();
    if (in.acceptKeyword("if")) {
      Expr test = disjunction();
      in.expectKeyword("else");
      Expr orElse = expression();
      return new Expr.IfExp(test, body, orElse, body.location());
    }
    return body;
  }

  private Expr lambda() {
    Token first = in.advance();
    in.skipToTopLevelOp(":");
    in.advance();
    expression();
    return new Expr.Lambda(in.text(first, in.previous()), first.location());
  }

  private Expr disjunction() {
    Expr first = conjunction();
    if (!in.atKeyword("or")) {
      return first;
    }
    List<Expr> values = new ArrayList<>(List.of(first));
    while (in.acceptKeyword("or")) {
      values.add(conjunction());
    }
    return new Expr.BoolOp("or", values, first.location());
  }

  private Expr conjunction() {
    Expr first = inversion();
    if (!in.atKeyword("and")) {
      return first;
    }
    List<Expr> values = new ArrayList<>(List.of(first));
    while (in.acceptKeyword("and")) {
      values.add(inversion());
    }
    return new Expr.BoolOp("and", values, first.location());
  }

  private Expr inversion() {
    Token not = in.peek();
    if (in.acceptKeyword("not")) {
      return new Expr.UnaryOp("not", inversion(), not.location());
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = bitOr();
    List<String> ops = new ArrayList<>();
    List<Expr> comparators = new ArrayList<>();
    while (true) {
      String op = comparisonOperator();
      if (op == null) {
        break;
      }
      ops.add(op);
      comparators.add(bitOr());
    }
    return ops.isEmpty() ? left : new Expr.Compare(left, ops, comparators, left.location());
  }

  private String comparisonOperator() {
    Token t = in.peek();
    if (t.kind() == TokenKind.OP && COMPARISON_OPS.contains(t.text())) {
      in.advance();
      return t.text();
    }
    if (in.acceptKeyword("in")) {
      return "in";
    }
    if (t.isKeyword("not") && in.peek(1).isKeyword("in")) {
      in.advance();
      in.advance();
      return "not in";
    }
    if (in.acceptKeyword("is")) {
      return in.acceptKeyword("not") ? "is not" : "is";
    }
    return null;
  }

  Expr bitOr() {
    return binary(0);
  }

  private static final List<Set<String>> BINARY_LEVELS =
      List.of(
          Set.of("|"), Set.of("^"), Set.of("&"), Set.of("<<", ">>"), Set.of("+", "-"),
          Set.of("*", "/", "//", "%", "@"));

  /** Left-associative binary operators, loosest level first. */
  private Expr binary(int level) {
    if (level == BINARY_LEVELS.size()) {
      return factor();
    }
    Expr left = binary(level + 1);
    while (in.peek().kind() == TokenKind.OP && BINARY_LEVELS.get(level).contains(in.peek().text())) {
      String op = in.advance().text();
      left = new Expr.BinOp(left, op, binary(level + 1), left.location());
    }
    return left;
  }

  private Expr factor() {
    Token t = in.peek();
    if (t.isOp("-") || t.isOp("+") || t.isOp("~")) {
      in.advance();
      return new Expr.UnaryOp(t.text(), factor(), t.location());
    }
    return power();
  }

  private Expr power() {
    Token first = in.peek();
    if (in.acceptKeyword("await")) {
      primary();
      return new Expr.Opaque("await expression", in.text(first, in.previous()), first.location());
    }
    Expr base = primary();
    if (in.acceptOp("**")) {
      return new Expr.BinOp(base, "**", factor(), base.location());
    }
    return base;
  }

  private Expr primary() {
    Expr e = atom();
    while (true) {
      Token t = in.peek();
      if (in.acceptOp(".")) {
        Token name = in.expectName();
        e = new Expr.Attribute(e, name.text(), e.location());
      } else if (in.acceptOp("(")) {
        e = new Expr.Call(e, arguments(t), e.location());
      } else if (in.acceptOp("[")) {
        e = new Expr.Subscript(e, slices(), e.location());
      } else {
        return e;
      }
    }
  }

  /** Call arguments after '(' up to and including ')'. */
  List<Argument> arguments(Token open) {
    List<Argument> args = new ArrayList<>();
    Set<String> keywords = new HashSet<>();
    boolean seenKeyword = false;
    boolean seenDoubleStar = false;
    while (!in.atOp(")")) {
      Token t = in.peek();
      if (in.acceptOp("*")) {
        args.add(new Argument(ArgumentKind.STAR, null, expression(), t.location()));
      } else if (in.acceptOp("**")) {
        args.add(new Argument(ArgumentKind.DOUBLE_STAR, null, expression(), t.location()));
        seenDoubleStar = true;
      } else if (t.kind() == TokenKind.NAME && in.peek(1).isOp("=")) {
        in.expectName();
        in.advance();
        if (!keywords.add(t.text())) {
          throw in.error(t.location(), "keyword argument repeated: " + t.text());
        }
        args.add(new Argument(ArgumentKind.KEYWORD, t.text(), expression(), t.location()));
        seenKeyword = true;
      } else {
        Expr value = namedExpression();
        if (in.atKeyword("for") || in.atKeyword("async")) {
          value = comprehensionUntilClose(t, open, "generator expression");
        } else if (seenDoubleStar) {
          throw in.error(t.location(), "positional argument follows keyword argument unpacking");
        } else if (seenKeyword) {
          throw in.error(t.location(), "positional argument follows keyword argument");
        }
        args.add(new Argument(ArgumentKind.POSITIONAL, null, value, t.location()));
      }
      if (!in.acceptOp(",")) {
        break;
      }
    }
    in.expectOp(")");
    return args;
  }

  /** Skips a comprehension's clauses up to the bracket closing {@code open}, not consuming it. */
  private Expr comprehensionUntilClose(Token first, Token open, String kind) {
    int openIndex = indexOf(open);
    int close = in.matchingClose(openIndex);
    in.reset(close);
    return new Expr.Opaque(kind, in.text(first, in.previous()), first.location());
  }

  private int indexOf(Token token) {
    return in.indexOf(token);
  }

  private Expr slices() {
    Token first = in.peek();
    Expr index = slice();
    if (in.atOp(",")) {
      List<Expr> elements = new ArrayList<>(List.of(index));
      while (in.acceptOp(",") && !in.atOp("]")) {
        elements.add(slice());
      }
      index = new Expr.TupleExpr(elements, first.location());
    }
    in.expectOp("]");
    return index;
  }

  private Expr slice() {
    Token first = in.peek();
    Expr lower = in.atOp(":") ? null : starExpressionOrNamed();
    if (!in.acceptOp(":")) {
      return lower;
    }
    Expr upper = endsSlicePart() ? null : expression();
    Expr step = null;
    if (in.acceptOp(":") && !endsSlicePart()) {
      step = expression();
    }
    return new Expr.Slice(lower, upper, step, first.location());
  }

  private boolean endsSlicePart() {
    return in.atOp("]") || in.atOp(",") || in.atOp(":");
  }

  private Expr starExpressionOrNamed() {
    return in.atOp("*") ? starExpression() : namedExpression();
  }

  private Expr atom() {
    Token t = in.peek();
    switch (t.kind()) {
      case NAME -> {
        return nameAtom(t);
      }
      case NUMBER -> {
        in.advance();
        return new Expr.Constant(number(t), t.location());
      }
      case STRING -> {
        return new StringAtomParser(file, in).parse();
      }
      case OP -> {
        switch (t.text()) {
          case "(" -> {
            return parenthesized();
          }
          case "[" -> {
            return list();
          }
          case "{" -> {
            return dictOrSet();
          }
          case "..." -> {
            in.advance();
            return new Expr.Constant(Expr.Singleton.ELLIPSIS, t.location());
          }
          default -> throw in.expected("an expression");
        }
      }
      default -> throw in.expected("an expression");
    }
  }

  private Expr nameAtom(Token t) {
    switch (t.text()) {
      case "True", "False" -> {
        in.advance();
        return new Expr.Constant(t.text().equals("True"), t.location());
      }
      case "None" -> {
        in.advance();
        return new Expr.Constant(Expr.Singleton.NONE, t.location());
      }
      default -> {
        if (TokenCursor.KEYWORDS.contains(t.text())) {
          throw in.expected("an expression");
        }
        in.advance();
        return new Expr.Name(t.text(), t.location());
      }
    }
  }

  private Object number(Token t) {
    String text = t.text().replace("_", "");
    char last = text.charAt(text.length() - 1);
    if (last == 'j' || last == 'J') {
      throw new FeatureStoreException(
          ErrorCode.UNSUPPORTED_CONSTRUCT, t.location(), "complex number literals are not supported here");
    }
    String lower = text.toLowerCase();
    BigInteger value;
    if (lower.startsWith("0x")) {
      value = new BigInteger(text.substring(2), 16);
    } else if (lower.startsWith("0o")) {
      value = new BigInteger(text.substring(2), 8);
    } else if (lower.startsWith("0b")) {
      value = new BigInteger(text.substring(2), 2);
    } else if (lower.contains(".") || lower.contains("e")) {
      return Double.parseDouble(text);
    } else {
      if (text.length() > 1 && text.charAt(0) == '0' && !text.chars().allMatch(c -> c == '0')) {
        throw in.error(t.location(), "leading zeros in decimal integer literals are not permitted");
      }
      value = new BigInteger(text);
    }
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private Expr parenthesized() {
    Token open = in.advance();
    if (in.acceptOp(")")) {
      return new Expr.TupleExpr(List.of(), open.location());
    }
    Token first = in.peek();
    Expr e = in.atKeyword("yield") ? expression() : starExpressionOrNamed();
    if (in.atKeyword("for") || in.atKeyword("async")) {
      Expr generator = comprehensionUntilClose(first, open, "generator expression");
      in.expectOp(")");
      return generator;
    }
    if (in.atOp(",")) {
      List<Expr> elements = new ArrayList<>(List.of(e));
      while (in.acceptOp(",") && !in.atOp(")")) {
        elements.add(starExpressionOrNamed());
      }
      in.expectOp(")");
      return new Expr.TupleExpr(elements, open.location());
    }
    in.expectOp(")");
    return e;
  }

  private Expr list() {
    Token open = in.advance();
    List<Expr> elements = new ArrayList<>();
    if (!in.atOp("]")) {
      Token first = in.peek();
      elements.add(starExpressionOrNamed());
      if (in.atKeyword("for") || in.atKeyword("async")) {
        Expr comprehension = comprehensionUntilClose(first, open, "list comprehension");
        in.expectOp("]");
        return comprehension;
      }
      while (in.acceptOp(",") && !in.atOp("]")) {
        elements.add(starExpressionOrNamed());
      }
    }
    in.expectOp("]");
    return new Expr.ListExpr(elements, open.location());
  }

  private Expr dictOrSet() {
    Token open = in.advance();
    if (in.acceptOp("}")) {
      return new Expr.DictExpr(List.of(), open.location());
    }
    Token first = in.peek();
    if (in.atOp("**")) {
      return dictItems(open, null, first);
    }
    Expr key = starExpressionOrNamed();
    if (in.atOp(":")) {
      return dictItems(open, key, first);
    }
    if (in.atKeyword("for") || in.atKeyword("async")) {
      Expr comprehension = comprehensionUntilClose(first, open, "set comprehension");
      in.expectOp("}");
      return comprehension;
    }
    List<Expr> elements = new ArrayList<>(List.of(key));
    while (in.acceptOp(",") && !in.atOp("}")) {
      elements.add(starExpressionOrNamed());
    }
    in.expectOp("}");
    return new Expr.SetExpr(elements, open.location());
  }

  private Expr dictItems(Token open, Expr firstKey, Token first) {
    List<Expr.DictItem> items = new ArrayList<>();
    Expr key = firstKey;
    boolean firstItem = true;
    do {
      if (!firstItem && in.atOp("}")) {
        break;
      }
      if (!firstItem) {
        key = in.atOp("**") ? null : expression();
      }
      if (key == null) {
        in.expectOp("**");
        items.add(new Expr.DictItem(null, bitOr()));
      } else {
        in.expectOp(":");
        items.add(new Expr.DictItem(key, expression()));
        if (firstItem && (in.atKeyword("for") || in.atKeyword("async"))) {
          Expr comprehension = comprehensionUntilClose(first, open, "dict comprehension");
          in.expectOp("}");
          return comprehension;
        }
      }
      firstItem = false;
    } while (in.acceptOp(","));
    in.expectOp("}");
    return new Expr.DictExpr(items, open.location());
  }

  SourceLocation location() {
    return in.peek().location();
  }
}
