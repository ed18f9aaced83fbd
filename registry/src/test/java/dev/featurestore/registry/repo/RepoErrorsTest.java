package dev.featurestore.registry.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of bad definition: the code, the location and the message. */
class RepoErrorsTest {
  private static final String HEADER = """
      from datetime import timedelta
      from feast import Entity, FeatureService, FeatureView, Field, FileSource
      from feast.types import Float32, Int64
      driver = Entity(name="driver", join_keys=["driver_id"])
      source = FileSource(path="data/stats.parquet", timestamp_field="ts")
      """;

  @TempDir Path root;

  private FeatureStoreException load(String file, String text) throws IOException {
    Files.writeString(root.resolve(file), text);
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> new RepoDefinitionsLoader().load(root, "p"));
    assertThat(thrown).isInstanceOf(FeatureStoreException.class);
    return (FeatureStoreException) thrown;
  }

  private static void assertError(FeatureStoreException e, ErrorCode code, String location, String message) {
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.location().orElseThrow().toString()).isEqualTo(location);
    assertThat(e.getMessage()).isEqualTo(location + ": " + message);
  }

  @Test
  void syntaxError() throws IOException {
    FeatureStoreException e = load("defs.py", HEADER + """
        view = FeatureView(name="v" schema=[])
        """);
    assertError(e, ErrorCode.SYNTAX_ERROR, "defs.py:6:29", "expected ')' but found 'schema'; is a comma missing?");
  }

  @Test
  void unknownReference() throws IOException {
    FeatureStoreException e = load("defs.py", HEADER + """
        view = FeatureView(name="v", entities=[customer], source=source, schema=[Field(name="a", dtype=Int64)])
        """);
    assertError(e, ErrorCode.UNKNOWN_REFERENCE, "defs.py:6:40", "name 'customer' is not defined");
  }

  @Test
  void duplicateAcrossFiles() throws IOException {
    Files.writeString(root.resolve("a.py"), HEADER);
    FeatureStoreException e = load("b.py", """
        from feast import Entity
        other = Entity(name="driver")
        """);
    assertError(e, ErrorCode.DUPLICATE_NAME, "b.py:2:9",
        "duplicate entity name 'driver': defined at a.py:4:10 and at b.py:2:9");
  }

  @Test
  void unsupportedConstruct() throws IOException {
    FeatureStoreException e = load("defs.py", HEADER + """
        from feast import FeatureStore
        store = FeatureStore(repo_path=".")
        """);
    assertError(e, ErrorCode.UNSUPPORTED_CONSTRUCT, "defs.py:7:9",
        "call to 'feast.FeatureStore' cannot be evaluated here ('FeatureStore' is not supported here)");
  }

  @Test
  void loopAtModuleLevel() throws IOException {
    FeatureStoreException e = load("defs.py", HEADER + """
        for i in range(3):
            print(i)
        """);
    assertError(e, ErrorCode.UNSUPPORTED_CONSTRUCT, "defs.py:6:1", "a for statement cannot be evaluated here"
        + ModuleEvaluator.SUPPORTED);
  }

  @Test
  void printAtModuleLevel() throws IOException {
    FeatureStoreException e = load("defs.py", HEADER + "print(driver)\n");
    assertError(e, ErrorCode.UNSUPPORTED_CONSTRUCT, "defs.py:6:1",
        "a call to 'print' at module level cannot be evaluated here" + ModuleEvaluator.SUPPORTED);
  }

  @Test
  void unknownDtype() throws IOException {
    FeatureStoreException e = load("defs.py", HEADER + """
        from feast.types import Float16
        """);
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_DEFINITION);
    assertThat(e.location().orElseThrow().toString()).isEqualTo("defs.py:6:25");
    assertThat(e.getMessage()).endsWith("unknown type 'Float16'; Feast types are: Bytes, String, Bool, Int32, Int64,"
        + " Float32, Float64, UnixTimestamp, Map, Json, Uuid, TimeUuid, Decimal, ScalarMap, ZonedTimestamp,"
        + " Array(T), Set(T), Struct({...})");
  }

  @Test
  void unknownDtypeNameInField() throws IOException {
    FeatureStoreException e = load("defs.py", HEADER + """
        f = Field(name="a", dtype=Float16)
        """);
    assertThat(e.location().orElseThrow().toString()).isEqualTo("defs.py:6:27");
    assertThat(e.getMessage()).contains("unknown type 'Float16'; Feast types are: Bytes, String");
  }

  @Test
  void badKeywordArgument() throws IOException {
    FeatureStoreException e = load("defs.py", HEADER + """
        view = FeatureView(nme="v", source=source)
        """);
    assertError(e, ErrorCode.INVALID_ARGUMENT, "defs.py:6:20",
        "FeatureView() got an unexpected keyword argument 'nme'; did you mean 'name'?");
  }

  @Test
  void missingArgument() throws IOException {
    FeatureStoreException e = load("defs.py", HEADER + """
        f = Field(name="a")
        """);
    assertError(e, ErrorCode.INVALID_ARGUMENT, "defs.py:6:5", "Field() missing 1 required keyword-only argument: 'dtype'");
  }

  @Test
  void negativeTtl() throws IOException {
    FeatureStoreException e = load("defs.py", HEADER + """
        view = FeatureView(name="v", entities=[driver], source=source,
                           ttl=-timedelta(hours=1), schema=[Field(name="a", dtype=Int64)])
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:7:20",
        "ttl of feature view 'v' must not be negative, got PT-1H");
  }

  @Test
  void invalidName() throws IOException {
    FeatureStoreException e = load("defs.py", HEADER + """
        view = FeatureView(name="stats:v2", entities=[driver], source=source, schema=[Field(name="a", dtype=Int64)])
        """);
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:6:20",
        "invalid FeatureView name 'stats:v2': ':' is reserved in feature references");
  }

  @Test
  void invalidProjectName() throws IOException {
    FeatureStoreException e = load("defs.py", "from feast import Project\nproject = Project(name=\"_p\")\n");
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:2:19", "invalid project name '_p': use letters, digits,"
        + " underscores and hyphens, not starting with an underscore or hyphen");
  }

  @Test
  void unknownFeatureInService() throws IOException {
    FeatureStoreException e = load("defs.py", HEADER + """
        view = FeatureView(name="v", entities=[driver], source=source, schema=[Field(name="a", dtype=Int64)])
        service = FeatureService(name="s", features=[view[["a", "b"]]])
        """);
    assertError(e, ErrorCode.UNKNOWN_REFERENCE, "defs.py:7:51",
        "FeatureView 'v' has no feature 'b'; its features are: a");
  }

  @Test
  void serviceUsingAnUnregisteredView() throws IOException {
    FeatureStoreException e = load("defs.py", HEADER + """
        service = FeatureService(name="s", features=[
            FeatureView(name="inline", entities=[driver], source=source, schema=[Field(name="a", dtype=Int64)])])
        """);
    assertError(e, ErrorCode.UNKNOWN_REFERENCE, "defs.py:6:36", "feature service 's' uses FeatureView 'inline', which"
        + " is not assigned to a module-level name in any repository file, so Feast would not register it");
  }

  @Test
  void twoJoinKeys() throws IOException {
    FeatureStoreException e = load("defs.py", "from feast import Entity\ne = Entity(name=\"x\", join_keys=[\"a\", \"b\"])\n");
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:2:22",
        "entity 'x' has 2 join keys; an entity may only have a single join key");
  }

  @Test
  void projectMustMatchYaml() throws IOException {
    FeatureStoreException e = load("defs.py", "from feast import Project\nproject = Project(name=\"other\")\n");
    assertError(e, ErrorCode.INVALID_DEFINITION, "defs.py:2:11",
        "Project 'other' does not match project 'p' in feature_store.yaml");
  }

  @Test
  void wrongArgumentType() throws IOException {
    FeatureStoreException e = load("defs.py", HEADER + "v = FeatureView(name=\"v\", source=source, ttl=3600)\n");
    assertError(e, ErrorCode.INVALID_ARGUMENT, "defs.py:6:42", "argument 'ttl' of FeatureView must be timedelta, not int");
  }

  @Test
  void mainGuardAndHelpersAreSkipped() throws IOException {
    Files.writeString(root.resolve("defs.py"), HEADER + """
        def helper(x):
            return x * 2

        class Thing:
            pass

        if __name__ == "__main__":
            print(helper(3))
        """);
    LoadedRepo repo = new RepoDefinitionsLoader().load(root, "p");
    assertThat(repo.contents().entities()).hasSize(2);
    assertThat(repo.warnings()).isEmpty();
  }
}
