package dev.featurestore.core.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.FeatureStoreException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonJsonTest {

  // Expected text produced by CPython 3: json.dumps({"k": "a\"b\\c\n\x01é😀\x7f/", "z": ""})
  private static final String PYTHON_OUTPUT =
      "{\"k\": \"a\\\"b\\\\c\\n\\u0001\\u00e9\\ud83d\\ude00\\u007f/\", \"z\": \"\"}";

  @Test
  void writesLikePythonJsonDumps() {
    Map<String, String> object = new LinkedHashMap<>();
    object.put("k", "a\"b\\c\n\u0001é😀\u007f/");
    object.put("z", "");
    assertThat(PythonJson.write(object)).isEqualTo(PYTHON_OUTPUT);
    assertThat(PythonJson.readObject(PYTHON_OUTPUT)).isEqualTo(object);
  }

  @Test
  void readsCompactJsonAndNulls() {
    assertThat(PythonJson.readObject("{\"name\":null, \"table\" : \"t\"}"))
        .containsExactly(Map.entry("name", ""), Map.entry("table", "t"));
    assertThat(PythonJson.readObject("{}")).isEmpty();
  }

  @Test
  void rejectsOtherJson() {
    assertThatThrownBy(() -> PythonJson.readObject("{\"a\": 1}"))
        .isInstanceOf(FeatureStoreException.class);
    assertThatThrownBy(() -> PythonJson.readObject("{\"a\": \"b\"} x"))
        .isInstanceOf(FeatureStoreException.class);
  }
}
