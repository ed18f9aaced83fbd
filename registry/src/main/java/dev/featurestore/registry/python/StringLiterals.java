package dev.featurestore.registry.python;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** Decodes string tokens: prefixes, quotes and escape sequences, following Python's rules. */
final class StringLiterals {
  private StringLiterals() {}

  /**
   * A string token taken apart.
   *
   * @param body the text between the quotes, escapes not yet processed
   * @param bodyOffset where {@code body} starts inside the token text
   */
  record Literal(boolean raw, boolean bytes, boolean formatted, String body, int bodyOffset) {}

  static Literal split(Token token) {
    String text = token.text();
    int quote = 0;
    while (text.charAt(quote) != '"' && text.charAt(quote) != '\'') {
      quote++;
    }
    String prefix = text.substring(0, quote).toLowerCase(Locale.ROOT);
    char q = text.charAt(quote);
    boolean triple = text.length() >= quote + 6 && text.startsWith(String.valueOf(q).repeat(3), quote);
    int width = triple ? 3 : 1;
    String body = text.substring(quote + width, text.length() - width);
    return new Literal(
        prefix.contains("r"), prefix.contains("b"), prefix.contains("f"), body, quote + width);
  }

  /** Processes escape sequences of a non-raw str literal (or part of an f-string). */
  static String unescape(String body, SourceLocation location) {
    if (body.indexOf('\\') < 0) {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c != '\\' || i + 1 >= body.length()) {
        out.append(c);
        i++;
        continue;
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
        case '\n' -> {}
        case '\\' -> out.append('\\');
        case '\'' -> out.append('\'');
        case '"' -> out.append('"');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\u000b');
        case 'x' -> i = appendHex(body, i, 2, out, location);
        case 'u' -> i = appendHex(body, i, 4, out, location);
        case 'U' -> i = appendHex(body, i, 8, out, location);
        case 'N' -> throw new FeatureStoreException(
            ErrorCode.UNSUPPORTED_CONSTRUCT, location, "\\N{...} escapes are not supported here");
        default -> {
          if (e >= '0' && e <= '7') {
            int end = i - 1;
            while (end < body.length() && end < i + 2 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
              end++;
            }
            out.append((char) Integer.parseInt(body.substring(i - 1, end), 8));
            i = end;
          } else {
            out.append('\\').append(e); // Python keeps unknown escapes as written
          }
        }
      }
    }
    return out.toString();
  }

  private static int appendHex(
      String body, int from, int digits, StringBuilder out, SourceLocation location) {
    if (from + digits > body.length()) {
      throw truncated(location, digits);
    }
    try {
      out.appendCodePoint(Integer.parseInt(body.substring(from, from + digits), 16));
    } catch (IllegalArgumentException e) {
      throw truncated(location, digits);
    }
    return from + digits;
  }

  private static FeatureStoreException truncated(SourceLocation location, int digits) {
    String form = digits == 2 ? "\\xXX" : digits == 4 ? "\\uXXXX" : "\\UXXXXXXXX";
    return new FeatureStoreException(
        ErrorCode.SYNTAX_ERROR, location, "truncated " + form + " escape");
  }

  /** Bytes of a bytes literal: ASCII characters and escapes only. */
  static byte[] toBytes(Literal literal, SourceLocation location) {
    String text = literal.raw() ? literal.body() : unescape(literal.body(), location);
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 0xFF || (c > 0x7F && !literal.raw() && literal.body().indexOf(c) >= 0)) {
        throw new FeatureStoreException(
            ErrorCode.SYNTAX_ERROR, location, "bytes can only contain ASCII literal characters");
      }
      out.write(c);
    }
    return out.toByteArray();
  }
}
