package dev.featurestore.registry.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.registry.ApplyHistoryEntry;
import dev.featurestore.core.registry.RegistryChange;
import dev.featurestore.core.registry.RegistryObjectKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryJsonLinesTest {

  private final ApplyHistoryEntry entry = new ApplyHistoryEntry(
      Instant.parse("2024-01-15T12:00:00.123Z"), RegistryChange.Type.UPDATE, RegistryObjectKind.FEATURE_VIEW,
      "größe", "ttl 1d -> 2d; \"quoted\" \\ back\nslash\ttab\u0001");

  @Test
  void writesOneJsonObjectPerLine() {
    assertThat(HistoryJsonLines.format("p", entry)).isEqualTo(
        "{\"project\": \"p\", \"applied_at\": \"2024-01-15T12:00:00.123Z\", \"change_type\": \"UPDATE\", "
            + "\"object_kind\": \"FEATURE_VIEW\", \"object_name\": \"größe\", "
            + "\"summary\": \"ttl 1d -> 2d; \\\"quoted\\\" \\\\ back\\nslash\\ttab\\u0001\"}");
  }

  @Test
  void readsBackWhatItWrote() {
    assertThat(HistoryJsonLines.parse(HistoryJsonLines.format("p", entry), "p")).contains(entry);
    assertThat(HistoryJsonLines.parse(HistoryJsonLines.format("p", entry), "other")).isEmpty();
  }

  @Test
  void skipsLinesItCannotRead() {
    assertThat(HistoryJsonLines.parse("", "p")).isEmpty();
    assertThat(HistoryJsonLines.parse("{\"project\": \"p\"", "p")).isEmpty();
    assertThat(HistoryJsonLines.parse("{\"project\": \"p\", \"change_type\": \"RENAME\"}", "p")).isEmpty();
  }
}
