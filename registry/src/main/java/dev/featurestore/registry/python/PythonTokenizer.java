package dev.featurestore.registry.python;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Python source into tokens the way CPython's tokenizer does: INDENT/DEDENT from leading
 * whitespace (tabs to multiples of 8), NEWLINE only at the end of a logical line and NL for blank
 * lines, comment lines and line breaks inside brackets, backslash continuation, every string form
 * (prefixes r, b, u, f and their combinations in any case, single, double and triple quotes).
 *
 * <p>Line endings are normalised to {@code \n} first; token offsets refer to that text, which
 * {@link #normalize} returns for callers that cut source text out of token ranges.
 */
public final class PythonTokenizer {
  private static final Pattern NUMBER =
      Pattern.compile(
          "0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+"
              + "|(?:(?:[0-9](?:_?[0-9])*)?\\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\\.?)"
              + "(?:[eE][+-]?[0-9](?:_?[0-9])*)?[jJ]?");
  private static final Set<String> STRING_PREFIXES =
      Set.of("r", "u", "b", "f", "br", "rb", "fr", "rf");
  private static final List<String> OPERATORS =
      List.of(
          "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "==", "!=", "<=", ">=", "<<",
          ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "(", ")", "[", "]", "{", "}",
          ",", ":", ";", ".", "+", "-", "*", "/", "%", "<", ">", "=", "&", "|", "^", "~", "@");

  private final String file;
  private final String src;
  private final List<Token> tokens = new ArrayList<>();
  private final Deque<Integer> indents = new ArrayDeque<>();
  private final Deque<Token> brackets = new ArrayDeque<>();
  private int pos;
  private int line = 1;
  private int lineStart;
  private boolean atLineStart = true;
  private boolean logicalLineHasTokens;

  private PythonTokenizer(String file, String normalizedSource) {
    this.file = file;
    this.src = normalizedSource;
    indents.push(0);
  }

  /** Source with {@code \r\n} and {@code \r} turned into {@code \n} and a leading BOM removed. */
  public static String normalize(String source) {
    String text = source.startsWith("\uFEFF") ? source.substring(1) : source;
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  /**
   * Tokenizes {@code source} (normalised with {@link #normalize} if it is not already).
   *
   * @throws FeatureStoreException SYNTAX_ERROR with the location of the offending character
   */
  public static List<Token> tokenize(String file, String source) {
    PythonTokenizer tokenizer = new PythonTokenizer(file, normalize(source));
    tokenizer.run();
    return List.copyOf(tokenizer.tokens);
  }

  private void run() {
    while (true) {
      if (atLineStart && brackets.isEmpty() && !handleLineStart()) {
        continue;
      }
      atLineStart = false;
      if (pos >= src.length()) {
        break;
      }
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\f') {
        pos++;
      } else if (c == '#') {
        readComment();
      } else if (c == '\n') {
        boolean ends = brackets.isEmpty() && logicalLineHasTokens;
        emit(ends ? TokenKind.NEWLINE : TokenKind.NL, pos, pos + 1);
        if (ends) {
          logicalLineHasTokens = false;
        }
        newLine(pos + 1);
        atLineStart = true;
      } else if (c == '\\') {
        readContinuation();
      } else {
        logicalLineHasTokens = true;
        readToken(c);
      }
    }
    finish();
  }

  /**
   * Measures indentation at the start of a physical line. Returns false when the line was blank
   * or a comment line (fully consumed, no INDENT/DEDENT), true when tokens follow.
   */
  private boolean handleLineStart() {
    int column = 0;
    int p = pos;
    while (p < src.length()) {
      char c = src.charAt(p);
      if (c == ' ') {
        column++;
      } else if (c == '\t') {
        column = (column / 8 + 1) * 8;
      } else if (c == '\f') {
        column = 0;
      } else {
        break;
      }
      p++;
    }
    pos = p;
    if (p >= src.length()) {
      atLineStart = false;
      return true;
    }
    char c = src.charAt(p);
    if (c == '#' || c == '\n') {
      if (c == '#') {
        readComment();
      }
      if (pos < src.length()) {
        emit(TokenKind.NL, pos, pos + 1);
        newLine(pos + 1);
      }
      atLineStart = true;
      return false;
    }
    if (column > indents.peek()) {
      indents.push(column);
      emit(TokenKind.INDENT, lineStart, pos);
    } else {
      while (column < indents.peek()) {
        indents.pop();
        emit(TokenKind.DEDENT, pos, pos);
      }
      if (column != indents.peek()) {
        throw error(location(pos), "unindent does not match any outer indentation level");
      }
    }
    return true;
  }

  private void readComment() {
    int end = src.indexOf('\n', pos);
    end = end < 0 ? src.length() : end;
    emit(TokenKind.COMMENT, pos, end);
    pos = end;
  }

  private void readContinuation() {
    if (pos + 1 >= src.length()) {
      throw error(location(pos), "unexpected end of file after line continuation character");
    }
    if (src.charAt(pos + 1) != '\n') {
      throw error(location(pos), "unexpected character after line continuation character");
    }
    newLine(pos + 2);
  }

  private void readToken(char c) {
    if (Character.isUnicodeIdentifierStart(c) || c == '_') {
      readNameOrString();
    } else if (c == '"' || c == '\'') {
      readString(pos, pos);
    } else if (Character.isDigit(c)
        || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
      readNumber();
    } else {
      readOperator(c);
    }
  }

  private void readNameOrString() {
    int start = pos;
    int p = pos + 1;
    while (p < src.length()
        && (Character.isUnicodeIdentifierPart(src.charAt(p)) && !Character.isIdentifierIgnorable(src.charAt(p)))) {
      p++;
    }
    String name = src.substring(start, p);
    if (p < src.length()
        && (src.charAt(p) == '"' || src.charAt(p) == '\'')
        && STRING_PREFIXES.contains(name.toLowerCase(Locale.ROOT))) {
      readString(start, p);
      return;
    }
    emit(TokenKind.NAME, start, p);
    pos = p;
  }

  private void readString(int start, int quotePos) {
    char quote = src.charAt(quotePos);
    boolean triple =
        quotePos + 2 < src.length()
            && src.charAt(quotePos + 1) == quote
            && src.charAt(quotePos + 2) == quote;
    SourceLocation startLocation = location(start);
    int p = quotePos + (triple ? 3 : 1);
    while (true) {
      if (p >= src.length()) {
        throw error(
            startLocation,
            (triple ? "unterminated triple-quoted string literal" : "unterminated string literal")
                + " (detected at line " + line + ")");
      }
      char c = src.charAt(p);
      if (c == '\\') {
        if (p + 1 < src.length() && src.charAt(p + 1) == '\n') {
          line++;
          lineStart = p + 2;
        }
        p += 2;
      } else if (c == '\n') {
        if (!triple) {
          throw error(startLocation, "unterminated string literal (detected at line " + line + ")");
        }
        line++;
        lineStart = p + 1;
        p++;
      } else if (c == quote
          && (!triple
              || (p + 2 < src.length() && src.charAt(p + 1) == quote && src.charAt(p + 2) == quote))) {
        p += triple ? 3 : 1;
        break;
      } else {
        p++;
      }
    }
    tokens.add(new Token(TokenKind.STRING, src.substring(start, p), startLocation, start, p));
    pos = p;
  }

  private void readNumber() {
    Matcher m = NUMBER.matcher(src);
    m.region(pos, src.length());
    if (!m.lookingAt()) {
      throw error(location(pos), "invalid number literal");
    }
    int end = m.end();
    if (end < src.length()
        && (Character.isUnicodeIdentifierPart(src.charAt(end)) || src.charAt(end) == '_')) {
      throw error(location(pos), "invalid decimal literal");
    }
    emit(TokenKind.NUMBER, pos, end);
    pos = end;
  }

  private void readOperator(char c) {
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos)) {
        Token token = emit(TokenKind.OP, pos, pos + op.length());
        trackBrackets(token);
        pos += op.length();
        return;
      }
    }
    throw error(
        location(pos),
        String.format(Locale.ROOT, "invalid character '%c' (U+%04X)", c, (int) c));
  }

  private void trackBrackets(Token token) {
    switch (token.text()) {
      case "(", "[", "{" -> brackets.push(token);
      case ")", "]", "}" -> {
        if (brackets.isEmpty()) {
          throw error(token.location(), "unmatched '" + token.text() + "'");
        }
        Token open = brackets.pop();
        if (!matches(open.text(), token.text())) {
          throw error(
              token.location(),
              "closing parenthesis '" + token.text() + "' does not match opening parenthesis '"
                  + open.text() + "' on line " + open.location().line());
        }
      }
      default -> {}
    }
  }

  private static boolean matches(String open, String close) {
    return (open.equals("(") && close.equals(")"))
        || (open.equals("[") && close.equals("]"))
        || (open.equals("{") && close.equals("}"));
  }

  private void finish() {
    if (!brackets.isEmpty()) {
      Token open = brackets.peek();
      throw error(open.location(), "'" + open.text() + "' was never closed");
    }
    if (logicalLineHasTokens) {
      emit(TokenKind.NEWLINE, src.length(), src.length());
    }
    while (indents.peek() > 0) {
      indents.pop();
      emit(TokenKind.DEDENT, src.length(), src.length());
    }
    emit(TokenKind.ENDMARKER, src.length(), src.length());
  }

  private Token emit(TokenKind kind, int start, int end) {
    Token token = new Token(kind, src.substring(start, end), location(start), start, end);
    tokens.add(token);
    return token;
  }

  private void newLine(int next) {
    pos = next;
    line++;
    lineStart = next;
  }

  private SourceLocation location(int offset) {
    return new SourceLocation(file, line, offset - lineStart + 1);
  }

  private FeatureStoreException error(SourceLocation at, String message) {
    return new FeatureStoreException(ErrorCode.SYNTAX_ERROR, at, message);
  }
}
