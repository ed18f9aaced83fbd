package dev.featurestore.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks the other half of {@link SchemaTable}: that feature_repo/*.py declares the fields and file
 * paths the generator writes. A plain text check; the registry module's parser tests cover reading
 * the repository for real.
 */
class FeatureRepoDefinitionsTest {

  @Test
  void everyFeatureColumnIsDeclaredWithTheMatchingDtype() throws IOException {
    Path repo = featureRepo();
    for (String view : SchemaTable.VIEWS) {
      String source = Files.readString(repo.resolve(SchemaTable.DEFINED_IN.get(view)));
      assertThat(source).contains("name=\"" + view + "\"");
      for (Map.Entry<String, String> column : SchemaTable.EXPECTED.get(view).entrySet()) {
        String type = column.getValue();
        if (type.equals(SchemaTable.TS) || column.getKey().endsWith("_id")) {
          continue;
        }
        assertThat(source)
            .as(view + "." + column.getKey())
            .contains(
                "Field(name=\"" + column.getKey() + "\", dtype=" + SchemaTable.feastType(type));
      }
    }
  }

  @Test
  void everyGeneratedFileIsTheSourceOfAView() throws IOException {
    String sources = Files.readString(featureRepo().resolve("data_sources.py"));
    for (String file : SampleDataGenerator.fileNames()) {
      assertThat(sources).contains("path=\"data/" + file + "\"");
    }
    assertThat(sources).contains("timestamp_field=\"event_timestamp\"");
    assertThat(sources).contains("created_timestamp_column=\"created\"");
  }

  /** feature_repo/ beside the module folder the tests run in. */
  static Path featureRepo() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("feature_repo");
      if (Files.isRegularFile(candidate.resolve("feature_store.yaml"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no feature_repo/ above " + Path.of("").toAbsolutePath());
  }
}
