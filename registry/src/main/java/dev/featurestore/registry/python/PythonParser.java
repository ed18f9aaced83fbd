package dev.featurestore.registry.python;

import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses a Python file into module-level statements. Expressions are parsed fully; bodies of
 * {@code def}, {@code class} and compound statements are delimited by the tokenizer's
 * INDENT/DEDENT and kept as text, so valid Python we do not model inside a function never stops a
 * repository from loading.
 *
 * <p>Errors are {@link FeatureStoreException}s with code SYNTAX_ERROR and the file position.
 */
public final class PythonParser {
  private static final Set<String> SIMPLE_KEYWORDS =
      Set.of("pass", "break", "continue", "return", "raise", "del", "assert", "global", "nonlocal");
  private static final Set<String> AUGMENTED =
      Set.of("+=", "-=", "*=", "/=", "//=", "%=", "**=", "&=", "|=", "^=", ">>=", "<<=", "@=");

  private final String file;
  private final TokenCursor in;
  private final ExpressionParser expressions;

  private PythonParser(String file, String normalizedSource) {
    this.file = file;
    this.in = new TokenCursor(normalizedSource, PythonTokenizer.tokenize(file, normalizedSource));
    this.expressions = new ExpressionParser(file, in);
  }

  /** Parses a whole file; {@code file} is the name used in locations. */
  public static PythonModule parse(String file, String source) {
    String normalized = PythonTokenizer.normalize(source);
    PythonParser parser = new PythonParser(file, normalized);
    return new PythonModule(file, normalized, parser.module());
  }

  /** Parses one expression (the whole text must be a single expression). */
  public static Expr parseExpression(String file, String text) {
    PythonParser parser = new PythonParser(file, PythonTokenizer.normalize(text));
    Expr expr = parser.expressions.starExpressions();
    parser.in.expect(TokenKind.NEWLINE, "end of expression");
    parser.in.expect(TokenKind.ENDMARKER, "end of expression");
    return expr;
  }

  private List<Stmt> module() {
    List<Stmt> statements = new ArrayList<>();
    while (!in.at(TokenKind.ENDMARKER)) {
      statements.addAll(statement());
    }
    return statements;
  }

  private List<Stmt> statement() {
    Token t = in.peek();
    if (t.kind() == TokenKind.INDENT) {
      throw in.error(in.peek(1).location(), "unexpected indent");
    }
    if (t.kind() == TokenKind.NEWLINE) {
      in.advance();
      return List.of();
    }
    if (t.isOp("@")) {
      return List.of(decorated());
    }
    if (t.kind() == TokenKind.NAME) {
      switch (t.text()) {
        case "def" -> {
          return List.of(functionDef(List.of(), t));
        }
        case "class" -> {
          return List.of(classDef(List.of(), t));
        }
        case "async" -> {
          if (in.peek(1).isKeyword("def")) {
            return List.of(functionDef(List.of(), t));
          }
          if (in.peek(1).isKeyword("for") || in.peek(1).isKeyword("with")) {
            return List.of(block());
          }
          throw in.error(t.location(), "expected 'def', 'for' or 'with' after 'async'");
        }
        case "if" -> {
          return List.of(ifStatement());
        }
        case "for", "while", "try", "with" -> {
          return List.of(block());
        }
        default -> {}
      }
    }
    return simpleStatements();
  }

  private List<Stmt> simpleStatements() {
    List<Stmt> statements = new ArrayList<>();
    do {
      if (in.at(TokenKind.NEWLINE)) {
        break;
      }
      statements.add(smallStatement());
    } while (in.acceptOp(";"));
    in.expect(TokenKind.NEWLINE, "end of line");
    return statements;
  }

  private Stmt smallStatement() {
    Token t = in.peek();
    if (t.kind() == TokenKind.NAME) {
      if (t.text().equals("import")) {
        return importStatement();
      }
      if (t.text().equals("from")) {
        return fromImport();
      }
      if (SIMPLE_KEYWORDS.contains(t.text())) {
        in.advance();
        Token last = t;
        while (!in.at(TokenKind.NEWLINE) && !in.atOp(";")) {
          last = in.advance();
        }
        return new Stmt.Simple(t.text(), in.text(t, last), t.location());
      }
    }
    return expressionStatement();
  }

  private Stmt importStatement() {
    Token first = in.advance();
    List<Stmt.ImportName> names = new ArrayList<>();
    do {
      Token start = in.peek();
      String name = dottedName();
      String as = in.acceptKeyword("as") ? in.expectName().text() : null;
      names.add(new Stmt.ImportName(name, as, start.location()));
    } while (in.acceptOp(","));
    return new Stmt.Import(names, first.location());
  }

  private Stmt fromImport() {
    Token first = in.advance();
    int level = 0;
    while (in.atOp(".") || in.atOp("...")) {
      level += in.advance().text().length();
    }
    String module = in.atKeyword("import") && level > 0 ? "" : dottedName();
    in.expectKeyword("import");
    List<Stmt.ImportName> names = new ArrayList<>();
    Token star = in.peek();
    if (in.acceptOp("*")) {
      names.add(new Stmt.ImportName("*", null, star.location()));
      return new Stmt.FromImport(module, level, names, first.location());
    }
    boolean parenthesised = in.acceptOp("(");
    do {
      if (parenthesised && in.atOp(")")) {
        break;
      }
      Token name = in.expectName();
      String as = in.acceptKeyword("as") ? in.expectName().text() : null;
      names.add(new Stmt.ImportName(name.text(), as, name.location()));
    } while (in.acceptOp(","));
    if (parenthesised) {
      in.expectOp(")");
    } else if (in.previous().isOp(",")) {
      throw in.error(in.previous().location(), "trailing comma not allowed without surrounding parentheses");
    }
    return new Stmt.FromImport(module, level, names, first.location());
  }

  private String dottedName() {
    StringBuilder name = new StringBuilder(in.expectName().text());
    while (in.acceptOp(".")) {
      name.append('.').append(in.expectName().text());
    }
    return name.toString();
  }

  private Stmt expressionStatement() {
    Token first = in.peek();
    Expr e = expressions.starExpressions();
    if (in.atOp("=")) {
      List<Expr> targets = new ArrayList<>();
      Expr value = e;
      while (in.acceptOp("=")) {
        checkTarget(value);
        targets.add(value);
        value = in.atKeyword("yield") ? expressions.expression() : expressions.starExpressions();
      }
      return new Stmt.Assign(targets, value, first.location());
    }
    if (in.acceptOp(":")) {
      if (!(e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript)) {
        throw in.error(e.location(), "only single target (not " + describe(e) + ") can be annotated");
      }
      Expr annotation = expressions.expression();
      Expr value = in.acceptOp("=") ? expressions.starExpressions() : null;
      return new Stmt.AnnAssign(e, annotation, value, first.location());
    }
    Token op = in.peek();
    if (op.kind() == TokenKind.OP && AUGMENTED.contains(op.text())) {
      in.advance();
      if (!(e instanceof Expr.Name || e instanceof Expr.Attribute || e instanceof Expr.Subscript)) {
        throw in.error(e.location(), "'" + describe(e) + "' is an illegal expression for augmented assignment");
      }
      return new Stmt.AugAssign(e, op.text(), expressions.starExpressions(), first.location());
    }
    return new Stmt.ExprStmt(e, first.location());
  }

  private void checkTarget(Expr target) {
    if (target instanceof Expr.Name || target instanceof Expr.Attribute || target instanceof Expr.Subscript) {
      return;
    }
    if (target instanceof Expr.Starred starred) {
      checkTarget(starred.value());
    } else if (target instanceof Expr.TupleExpr tuple) {
      tuple.elements().forEach(this::checkTarget);
    } else if (target instanceof Expr.ListExpr list) {
      list.elements().forEach(this::checkTarget);
    } else {
      throw in.error(target.location(), "cannot assign to " + describe(target));
    }
  }

  private static String describe(Expr e) {
    if (e instanceof Expr.Constant) {
      return "literal";
    } else if (e instanceof Expr.FString) {
      return "f-string expression";
    } else if (e instanceof Expr.Call) {
      return "function call";
    } else if (e instanceof Expr.TupleExpr) {
      return "tuple";
    } else if (e instanceof Expr.ListExpr) {
      return "list";
    } else if (e instanceof Expr.DictExpr) {
      return "dict literal";
    } else if (e instanceof Expr.SetExpr) {
      return "set display";
    } else if (e instanceof Expr.Lambda) {
      return "lambda";
    } else if (e instanceof Expr.Compare) {
      return "comparison";
    } else if (e instanceof Expr.IfExp) {
      return "conditional expression";
    }
    return "expression";
  }

  private Stmt decorated() {
    Token first = in.peek();
    List<Expr> decorators = new ArrayList<>();
    while (in.acceptOp("@")) {
      decorators.add(expressions.namedExpression());
      in.expect(TokenKind.NEWLINE, "end of line after decorator");
    }
    if (in.atKeyword("def") || (in.atKeyword("async") && in.peek(1).isKeyword("def"))) {
      return functionDef(decorators, first);
    }
    if (in.atKeyword("class")) {
      return classDef(decorators, first);
    }
    throw in.expected("'def' or 'class' after decorator");
  }

  private Stmt functionDef(List<Expr> decorators, Token first) {
    Token start = in.peek();
    boolean async = in.acceptKeyword("async");
    Token def = in.expectKeyword("def");
    String name = in.expectName().text();
    Token open = in.expectOp("(");
    in.reset(in.matchingClose(in.indexOf(open)) + 1);
    if (in.acceptOp("->")) {
      expressions.expression();
    }
    in.expectOp(":");
    Body body = body("function definition", def);
    return new Stmt.FunctionDef(
        name, decorators, async, in.text(first, body.last), body.text, start.location());
  }

  private Stmt classDef(List<Expr> decorators, Token first) {
    Token keyword = in.expectKeyword("class");
    String name = in.expectName().text();
    List<Expr.Argument> bases = List.of();
    Token open = in.peek();
    if (in.acceptOp("(")) {
      bases = expressions.arguments(open);
    }
    in.expectOp(":");
    Body body = body("class definition", keyword);
    return new Stmt.ClassDef(
        name, decorators, bases, in.text(first, body.last), body.text, keyword.location());
  }

  private Stmt ifStatement() {
    Token first = in.peek();
    List<Stmt.IfBranch> branches = new ArrayList<>();
    String elseText = null;
    Token keyword = in.advance();
    while (true) {
      Expr test = expressions.namedExpression();
      in.expectOp(":");
      Body body = body("'" + keyword.text() + "' statement", keyword);
      branches.add(new Stmt.IfBranch(test, body.text, keyword.location()));
      if (!in.atKeyword("elif")) {
        break;
      }
      keyword = in.advance();
    }
    if (in.atKeyword("else")) {
      Token elseToken = in.advance();
      in.expectOp(":");
      elseText = body("'else' statement", elseToken).text;
    }
    return new Stmt.If(branches, elseText, first.location());
  }

  /** for / while / try / with (and async forms): headers skipped, bodies kept as text. */
  private Stmt block() {
    Token first = in.peek();
    in.acceptKeyword("async");
    Token keyword = in.advance();
    Set<String> continuations = switch (keyword.text()) {
      case "for", "while" -> Set.of("else");
      case "try" -> Set.of("except", "else", "finally");
      default -> Set.of();
    };
    Token clause = keyword;
    Body body;
    while (true) {
      in.skipToTopLevelOp(":");
      in.advance();
      body = body("'" + clause.text() + "' statement", clause);
      Token next = in.peek();
      if (next.kind() != TokenKind.NAME || !continuations.contains(next.text())) {
        break;
      }
      clause = in.advance();
    }
    String kind = first.isKeyword("async") ? "async " + keyword.text() : keyword.text();
    return new Stmt.Block(kind, in.text(first, body.last), first.location());
  }

  private record Body(String text, Token last) {}

  /** After ':', an indented block or statements on the same line. */
  private Body body(String after, Token owner) {
    if (!in.at(TokenKind.NEWLINE)) {
      Token start = in.peek();
      Token last = start;
      while (!in.at(TokenKind.NEWLINE)) {
        last = in.advance();
      }
      in.advance();
      return new Body(in.text(start, last), last);
    }
    in.advance();
    if (!in.at(TokenKind.INDENT)) {
      throw in.error(
          in.peek().location(),
          "expected an indented block after " + after + " on line " + owner.location().line());
    }
    Token indent = in.advance();
    Token last = indent;
    int depth = 1;
    while (depth > 0) {
      Token t = in.advance();
      if (t.kind() == TokenKind.INDENT) {
        depth++;
      } else if (t.kind() == TokenKind.DEDENT) {
        depth--;
      } else if (t.kind() == TokenKind.ENDMARKER) {
        break;
      } else if (t.kind() != TokenKind.NEWLINE) {
        last = t;
      }
    }
    return new Body(in.text(indent, last), last);
  }

  SourceLocation location() {
    return in.peek().location();
  }
}
