package dev.featurestore.registry.file;

import dev.featurestore.core.registry.ApplyHistoryEntry;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.registry.JsonStrings;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One apply-history entry per line of JSON, a flat object of strings: {@code {"project": ...,
 * "applied_at": "2024-01-15T12:00:00Z", "change_type": "CREATE", "object_kind": "ENTITY",
 * "object_name": ..., "summary": ...}}. Feast has no apply history, so the format is ours; the
 * escaping follows RFC 8259 so any JSON tool can read the file.
 */
final class HistoryJsonLines {

  private HistoryJsonLines() {}

  static String format(String project, ApplyHistoryEntry entry) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("project", project);
    fields.put("applied_at", entry.appliedAt().toString());
    fields.put("change_type", entry.type().name());
    fields.put("object_kind", entry.kind().name());
    fields.put("object_name", entry.name());
    fields.put("summary", entry.summary());
    StringBuilder out = new StringBuilder("{");
    fields.forEach((key, value) -> {
      if (out.length() > 1) {
        out.append(", ");
      }
      JsonStrings.quote(out, key).append(": ");
      JsonStrings.quote(out, value);
    });
    return out.append('}').toString();
  }

  /** The entry on {@code line} if it belongs to {@code project}; empty for other projects or junk. */
  static Optional<ApplyHistoryEntry> parse(String line, String project) {
    Map<String, String> fields = parseFlatObject(line.strip());
    if (fields == null || !project.equals(fields.get("project"))) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ApplyHistoryEntry(
          Instant.parse(fields.get("applied_at")),
          RegistryChange.Type.valueOf(fields.get("change_type")),
          RegistryObjectKind.valueOf(fields.get("object_kind")),
          fields.get("object_name"),
          fields.get("summary")));
    } catch (RuntimeException e) {
      // A line we cannot read (hand-edited, future format) is skipped, not fatal: history is advisory.
      return Optional.empty();
    }
  }

  /** Parses {@code {"k": "v", ...}} with string values only; null if the line is not that. */
  private static Map<String, String> parseFlatObject(String text) {
    Cursor cursor = new Cursor(text);
    Map<String, String> fields = new LinkedHashMap<>();
    if (!cursor.consume('{')) {
      return null;
    }
    if (cursor.consume('}')) {
      return fields;
    }
    do {
      String key = cursor.string();
      if (key == null || !cursor.consume(':')) {
        return null;
      }
      String value = cursor.string();
      if (value == null) {
        return null;
      }
      fields.put(key, value);
    } while (cursor.consume(','));
    return cursor.consume('}') ? fields : null;
  }

  private static final class Cursor {
    private final String text;
    private int pos;

    Cursor(String text) {
      this.text = text;
    }

    boolean consume(char expected) {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
      if (pos < text.length() && text.charAt(pos) == expected) {
        pos++;
        return true;
      }
      return false;
    }

    String string() {
      if (!consume('"')) {
        return null;
      }
      StringBuilder out = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (pos >= text.length()) {
          return null;
        }
        char escaped = text.charAt(pos++);
        switch (escaped) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (pos + 4 > text.length()) {
              return null;
            }
            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> out.append(escaped);
        }
      }
      return null;
    }
  }
}
