package dev.featurestore.registry;

/** JSON string literals (RFC 8259 escaping) for the registry's hand-written JSON outputs. */
public final class JsonStrings {
  private JsonStrings() {}

  /** Appends {@code value} to {@code out} as a quoted, escaped JSON string; returns {@code out}. */
  public static StringBuilder quote(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  public static String quote(String value) {
    return quote(new StringBuilder(value.length() + 2), value).toString();
  }
}
