package dev.featurestore.registry.python;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.SourceLocation;

/**
 * One token. {@code start} and {@code end} are offsets into the (newline-normalised) source, so a
 * parser can cut exact source text out of a range of tokens.
 *
 * @param text the token as written (for strings including prefix and quotes)
 */
public record Token(TokenKind kind, String text, SourceLocation location, int start, int end) {
  public Token {
    requireNonNull(kind, "kind is null");
    requireNonNull(text, "text is null");
    requireNonNull(location, "location is null");
  }

  public boolean is(TokenKind expectedKind, String expectedText) {
    return kind == expectedKind && text.equals(expectedText);
  }

  public boolean isOp(String op) {
    return is(TokenKind.OP, op);
  }

  public boolean isKeyword(String keyword) {
    return is(TokenKind.NAME, keyword);
  }

  /** How error messages name this token: {@code 'schema'}, "end of line", "end of file". */
  public String describe() {
    return switch (kind) {
      case NEWLINE, NL -> "end of line";
      case ENDMARKER -> "end of file";
      case INDENT -> "an indented block";
      case DEDENT -> "the end of an indented block";
      case STRING -> "string literal " + abbreviate(text);
      case COMMENT -> "comment";
      default -> "'" + text + "'";
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 30 ? text : text.substring(0, 27) + "...";
  }
}
