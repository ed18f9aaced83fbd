package dev.featurestore.core.proto;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON shape Feast stores inside registry protos: a flat object of string values, written
 * the way Python's {@code json.dumps} writes it by default ({@code ", "} and {@code ": "}
 * separators, non-ASCII escaped as lower-case {@code \\uXXXX}). Used for PostgreSQL source
 * configurations and struct schema tags. Byte equality with Python matters because Feast compares
 * stored protos byte-wise when deciding whether an object changed.
 */
final class PythonJson {

  private PythonJson() {}

  /** {@code json.dumps(dict)} of string values, in the map's iteration order. */
  static String write(Map<String, String> object) {
    StringBuilder out = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, String> entry : object.entrySet()) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      writeString(out, entry.getKey());
      out.append(": ");
      writeString(out, entry.getValue());
    }
    return out.append('}').toString();
  }

  private static void writeString(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) { // Python escapes all but printable ASCII
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Reads a flat JSON object whose values are strings (or null, read as ""), keeping key order.
   *
   * @throws FeatureStoreException CORRUPT_REGISTRY if the text is not such an object
   */
  static Map<String, String> readObject(String json) {
    Reader reader = new Reader(json);
    Map<String, String> result = reader.object();
    reader.skipWhitespace();
    if (reader.pos != json.length()) {
      throw reader.error("trailing characters");
    }
    return result;
  }

  private static final class Reader {
    private final String text;
    private int pos;

    Reader(String text) {
      this.text = text;
    }

    Map<String, String> object() {
      Map<String, String> result = new LinkedHashMap<>();
      expect('{');
      skipWhitespace();
      if (peek() == '}') {
        pos++;
        return result;
      }
      while (true) {
        skipWhitespace();
        String key = string();
        skipWhitespace();
        expect(':');
        skipWhitespace();
        String value;
        if (text.startsWith("null", pos)) {
          pos += 4;
          value = "";
        } else {
          value = string();
        }
        result.put(key, value);
        skipWhitespace();
        char next = next();
        if (next == '}') {
          return result;
        }
        if (next != ',') {
          throw error("expected ',' or '}'");
        }
      }
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char escape = next();
        switch (escape) {
          case '"', '\\', '/' -> out.append(escape);
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (pos + 4 > text.length()) {
              throw error("truncated \\u escape");
            }
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> throw error("bad escape \\" + escape);
        }
      }
    }

    void skipWhitespace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    private char peek() {
      if (pos >= text.length()) {
        throw error("unexpected end");
      }
      return text.charAt(pos);
    }

    private char next() {
      char c = peek();
      pos++;
      return c;
    }

    private void expect(char c) {
      if (next() != c) {
        throw error("expected '" + c + "'");
      }
    }

    FeatureStoreException error(String what) {
      return new FeatureStoreException(
          ErrorCode.CORRUPT_REGISTRY,
          "invalid JSON in registry (" + what + " at " + pos + "): " + text);
    }
  }
}
