package dev.featurestore.registry.python;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the body of one f-string token into literal text and replacement fields
 * ({@code {expr!r:spec}}), parsing each field's expression at its real position in the file.
 */
final class FStringSplitter {
  private final String file;
  private final String source;
  private final Token token;
  private final StringLiterals.Literal literal;
  private final String body;

  FStringSplitter(String file, String source, Token token, StringLiterals.Literal literal) {
    this.file = file;
    this.source = source;
    this.token = token;
    this.literal = literal;
    this.body = literal.body();
  }

  List<Expr.FStringPart> parts() {
    List<Expr.FStringPart> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '{' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
        text.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < body.length() && body.charAt(i + 1) == '}') {
        text.append('}');
        i += 2;
      } else if (c == '{') {
        flush(text, parts);
        i = field(i + 1, parts);
      } else if (c == '}') {
        throw error(i, "f-string: single '}' is not allowed");
      } else {
        text.append(c);
        i++;
      }
    }
    flush(text, parts);
    return parts;
  }

  private void flush(StringBuilder text, List<Expr.FStringPart> parts) {
    if (text.length() > 0) {
      String value = literal.raw() ? text.toString() : StringLiterals.unescape(text.toString(), token.location());
      parts.add(new Expr.FStringLiteral(value));
      text.setLength(0);
    }
  }

  /** Parses the field starting after '{' at {@code start}; returns the index after its '}'. */
  private int field(int start, List<Expr.FStringPart> parts) {
    int end = expressionEnd(start);
    String exprText = body.substring(start, end);
    boolean debug = false;
    String trimmed = exprText.stripTrailing();
    if (trimmed.endsWith("=") && !trimmed.endsWith("==") && !trimmed.endsWith("!=")
        && !trimmed.endsWith("<=") && !trimmed.endsWith(">=")) {
      debug = true;
      exprText = trimmed.substring(0, trimmed.length() - 1);
    }
    if (exprText.isBlank()) {
      throw error(start, "f-string: valid expression required before '}'");
    }
    Expr expr = parseField(exprText, start);
    int i = end;
    char conversion = 0;
    if (body.charAt(i) == '!') {
      if (i + 1 >= body.length() || "rsa".indexOf(body.charAt(i + 1)) < 0) {
        throw error(i, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
      conversion = body.charAt(i + 1);
      i += 2;
    }
    String spec = "";
    if (i < body.length() && body.charAt(i) == ':') {
      int specEnd = specEnd(i + 1);
      spec = body.substring(i + 1, specEnd);
      i = specEnd;
    }
    if (i >= body.length() || body.charAt(i) != '}') {
      throw error(start - 1, "f-string: expecting '}'");
    }
    parts.add(new Expr.FStringField(expr, exprText.strip(), conversion, spec, debug));
    return i + 1;
  }

  private int expressionEnd(int start) {
    int depth = 0;
    char quote = 0;
    for (int i = start; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (depth == 0 && (c == ':' || (c == '!' && i + 1 < body.length() && body.charAt(i + 1) != '='))) {
        return i;
      }
    }
    throw error(start - 1, "f-string: expecting '}'");
  }

  private int specEnd(int start) {
    int depth = 0;
    for (int i = start; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    throw error(start, "f-string: expecting '}'");
  }

  private Expr parseField(String exprText, int bodyIndex) {
    SourceLocation origin = locationOf(bodyIndex);
    String wrapped = "(" + exprText + ")";
    List<Token> raw;
    try {
      raw = PythonTokenizer.tokenize(file, wrapped);
    } catch (FeatureStoreException e) {
      throw rethrow(e, e.location().map(l -> shift(l, origin)).orElse(origin));
    }
    List<Token> tokens = raw.stream().map(t -> shift(t, origin)).toList();
    try {
      TokenCursor cursor = new TokenCursor(wrapped, tokens);
      Expr expr = new ExpressionParser(file, cursor).expression();
      cursor.expect(TokenKind.NEWLINE, "'}'");
      return expr;
    } catch (FeatureStoreException e) {
      throw rethrow(e, e.location().orElse(origin));
    }
  }

  private static FeatureStoreException rethrow(FeatureStoreException e, SourceLocation at) {
    String message = e.getMessage();
    if (e.location().isPresent()) {
      message = message.substring(e.location().get().toString().length() + 2);
    }
    return new FeatureStoreException(e.code(), at, "f-string: " + message);
  }

  private static Token shift(Token t, SourceLocation origin) {
    return new Token(t.kind(), t.text(), shift(t.location(), origin), t.start(), t.end());
  }

  /** Maps a location in "(" + expr + ")" to the file: column 2 of line 1 is {@code origin}. */
  private static SourceLocation shift(SourceLocation l, SourceLocation origin) {
    if (l.line() == 1) {
      return new SourceLocation(origin.file(), origin.line(), origin.column() + l.column() - 2);
    }
    return new SourceLocation(origin.file(), origin.line() + l.line() - 1, l.column());
  }

  private SourceLocation locationOf(int bodyIndex) {
    int target = token.start() + literal.bodyOffset() + bodyIndex;
    int line = token.location().line();
    int column = token.location().column();
    for (int i = token.start(); i < target; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new SourceLocation(file, line, column);
  }

  private FeatureStoreException error(int bodyIndex, String message) {
    return new FeatureStoreException(ErrorCode.SYNTAX_ERROR, locationOf(bodyIndex), message);
  }
}
