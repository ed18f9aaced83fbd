package dev.featurestore.registry.python;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import java.util.List;
import java.util.Set;

/** Position in a token list (without NL and COMMENT tokens), shared by the statement and expression parsers. */
final class TokenCursor {
  static final Set<String> KEYWORDS =
      Set.of(
          "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
          "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
          "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
          "try", "while", "with", "yield");

  private final String source;
  private final List<Token> tokens;
  private int index;

  TokenCursor(String source, List<Token> tokens) {
    this.source = source;
    this.tokens = tokens.stream()
        .filter(t -> t.kind() != TokenKind.NL && t.kind() != TokenKind.COMMENT)
        .toList();
  }

  String source() {
    return source;
  }

  Token peek() {
    return tokens.get(index);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  Token previous() {
    return tokens.get(index - 1);
  }

  Token advance() {
    Token token = tokens.get(index);
    if (token.kind() != TokenKind.ENDMARKER) {
      index++;
    }
    return token;
  }

  /** Index of a token already read (searching back from the current position). */
  int indexOf(Token token) {
    for (int i = Math.min(index, tokens.size() - 1); i >= 0; i--) {
      if (tokens.get(i) == token) {
        return i;
      }
    }
    throw new IllegalStateException("token not found: " + token);
  }

  int index() {
    return index;
  }

  void reset(int newIndex) {
    index = newIndex;
  }

  boolean at(TokenKind kind) {
    return peek().kind() == kind;
  }

  boolean atOp(String op) {
    return peek().isOp(op);
  }

  boolean atKeyword(String keyword) {
    return peek().isKeyword(keyword);
  }

  boolean acceptOp(String op) {
    if (atOp(op)) {
      advance();
      return true;
    }
    return false;
  }

  boolean acceptKeyword(String keyword) {
    if (atKeyword(keyword)) {
      advance();
      return true;
    }
    return false;
  }

  Token expectOp(String op) {
    if (!atOp(op)) {
      throw expected("'" + op + "'");
    }
    return advance();
  }

  Token expectKeyword(String keyword) {
    if (!atKeyword(keyword)) {
      throw expected("'" + keyword + "'");
    }
    return advance();
  }

  Token expectName() {
    Token token = peek();
    if (token.kind() != TokenKind.NAME || KEYWORDS.contains(token.text())) {
      throw expected("a name");
    }
    return advance();
  }

  Token expect(TokenKind kind, String what) {
    if (!at(kind)) {
      throw expected(what);
    }
    return advance();
  }

  FeatureStoreException expected(String what) {
    Token found = peek();
    String hint = startsExpression(found) && !found.isOp("(") && !found.isOp("[") ? "; is a comma missing?" : "";
    return error(found.location(), "expected " + what + " but found " + found.describe() + hint);
  }

  FeatureStoreException error(SourceLocation location, String message) {
    return new FeatureStoreException(ErrorCode.SYNTAX_ERROR, location, message);
  }

  /** Whether {@code token} can begin an expression. */
  static boolean startsExpression(Token token) {
    return switch (token.kind()) {
      case NUMBER, STRING -> true;
      case NAME -> !KEYWORDS.contains(token.text())
          || Set.of("True", "False", "None", "not", "lambda", "await", "yield").contains(token.text());
      case OP -> Set.of("(", "[", "{", "-", "+", "~", "*", "**", "...").contains(token.text());
      default -> false;
    };
  }

  /** Index of the bracket closing the one at {@code openIndex} (brackets are balanced: the tokenizer checked). */
  int matchingClose(int openIndex) {
    int depth = 0;
    for (int i = openIndex; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == TokenKind.OP) {
        switch (t.text()) {
          case "(", "[", "{" -> depth++;
          case ")", "]", "}" -> {
            if (--depth == 0) {
              return i;
            }
          }
          default -> {}
        }
      }
    }
    throw error(tokens.get(openIndex).location(), "'" + tokens.get(openIndex).text() + "' was never closed");
  }

  /** Skips tokens up to (not including) the first {@code op} outside brackets on this logical line. */
  void skipToTopLevelOp(String op) {
    int depth = 0;
    while (!at(TokenKind.NEWLINE) && !at(TokenKind.ENDMARKER)) {
      Token t = peek();
      if (depth == 0 && t.isOp(op)) {
        return;
      }
      if (t.kind() == TokenKind.OP) {
        switch (t.text()) {
          case "(", "[", "{" -> depth++;
          case ")", "]", "}" -> depth--;
          default -> {}
        }
      }
      advance();
    }
    throw expected("'" + op + "'");
  }

  String text(Token first, Token last) {
    return source.substring(first.start(), Math.max(first.start(), last.end()));
  }
}
