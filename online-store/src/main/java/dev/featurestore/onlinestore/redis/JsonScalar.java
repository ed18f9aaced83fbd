package dev.featurestore.onlinestore.redis;

/**
 * Python's {@code json.loads} for the scalar option values of a connection string, falling back to
 * the raw text when it is not JSON (as Feast does): numbers become {@code Double}, {@code
 * true}/{@code false} {@code Boolean}, {@code null} null, quoted strings their content. Arrays and
 * objects are kept as text.
 */
final class JsonScalar {
  private JsonScalar() {}

  static Object decode(String raw) {
    String text = raw.strip();
    switch (text) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      case "null":
        return null;
      default:
        break;
    }
    if (text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
      return Double.valueOf(text);
    }
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      String unquoted = unescape(text.substring(1, text.length() - 1));
      if (unquoted != null) {
        return unquoted;
      }
    }
    return raw;
  }

  private static String unescape(String body) {
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '"') {
        return null;
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= body.length()) {
        return null;
      }
      char e = body.charAt(i);
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          try {
            out.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
          } catch (NumberFormatException | StringIndexOutOfBoundsException ex) {
            return null;
          }
          i += 4;
        }
        default -> {
          return null;
        }
      }
    }
    return out.toString();
  }
}
