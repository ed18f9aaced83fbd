package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per class of bad input: each names the problem with file and line, exits non-zero with
 * one line and no stack trace, and leaves the registry exactly as it was.
 */
class ApplyErrorsTest {
  @TempDir Path tmp;
  private Path repo;
  private String registryBefore;

  @BeforeEach
  void applySample() {
    repo = TestRepos.sample(tmp);
    assertThat(CliRun.of("-c", repo.toString(), "apply").exitCode()).isZero();
    registryBefore = dump();
  }

  private String dump() {
    CliRun dump = CliRun.of("-c", repo.toString(), "registry-dump");
    assertThat(dump.exitCode()).as(dump.toString()).isZero();
    return dump.out();
  }

  private CliRun applyFailing(int exitCode) {
    CliRun run = CliRun.of("-c", repo.toString(), "apply");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
    assertThat(run.err().lines().filter(l -> l.startsWith("Error: ")).count()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(run.out()).doesNotContain("Created").doesNotContain("Updated");
    return run;
  }

  private void assertRegistryUnchanged() {
    assertThat(dump()).isEqualTo(registryBefore);
  }

  private void append(String file, String text) {
    Path path = repo.resolve(file);
    TestRepos.write(path, TestRepos.read(path) + text);
  }

  private static int lineCount(String text) {
    return (int) text.lines().count();
  }

  @Test
  void syntaxError() {
    int line = lineCount(TestRepos.read(repo.resolve("entities.py"))) + 2;
    append("entities.py", "\nbroken = Entity(name=\"broken\" join_keys=[\"id\"])\n");

    CliRun run = applyFailing(2);
    assertThat(run.err()).contains("Error: entities.py:" + line + ":").contains("expected ')'");
    assertRegistryUnchanged();
  }

  @Test
  void unknownReference() {
    int line = lineCount(TestRepos.read(repo.resolve("feature_services.py"))) + 2;
    append("feature_services.py",
        "\nextra_service = FeatureService(name=\"extra\", features=[no_such_view])\n");

    CliRun run = applyFailing(2);
    assertThat(run.err()).contains("Error: feature_services.py:" + line + ":").contains("no_such_view");
    assertRegistryUnchanged();
  }

  @Test
  void duplicateName() {
    append("entities.py",
        "\nuser_again = Entity(name=\"user\", join_keys=[\"user_id\"], value_type=ValueType.STRING)\n");

    CliRun run = applyFailing(2);
    assertThat(run.err()).contains("entities.py:").contains("'user'").containsIgnoringCase("duplicate");
    assertRegistryUnchanged();
  }

  @Test
  void unsupportedConstruct() {
    int line = lineCount(TestRepos.read(repo.resolve("entities.py"))) + 2;
    append("entities.py", "\nfor i in range(3):\n    pass\n");

    CliRun run = applyFailing(2);
    assertThat(run.err()).contains("Error: entities.py:" + line + ":").contains("supported");
    assertRegistryUnchanged();
  }

  @Test
  void unknownFeatureInService() {
    append("feature_services.py",
        "\nbad_service = FeatureService(name=\"bad\", features=[user_demographics[[\"age\", \"shoe_size\"]]])\n");

    CliRun run = applyFailing(2);
    assertThat(run.err()).contains("feature_services.py:").contains("shoe_size").contains("user_demographics");
    assertRegistryUnchanged();
  }

  @Test
  void malformedYaml() {
    Path yaml = repo.resolve("feature_store.yaml");
    TestRepos.write(yaml, TestRepos.read(yaml).replace("offline_store:\n  type: file", "offline_store:\n  type: [file"));

    CliRun run = applyFailing(2);
    assertThat(run.err()).contains("Error: feature_store.yaml:");
    TestRepos.write(yaml, TestRepos.read(yaml).replace("type: [file", "type: file"));
    assertRegistryUnchanged();
  }

  @Test
  void unknownKeyInStoreBlock() {
    Path yaml = repo.resolve("feature_store.yaml");
    String original = TestRepos.read(yaml);
    TestRepos.write(yaml, original.replace("  path: data/online_store.db", "  path: data/online_store.db\n  pth: typo"));

    CliRun run = applyFailing(2);
    assertThat(run.err()).contains("Error: feature_store.yaml:").contains("unknown key 'pth' in online_store");
    TestRepos.write(yaml, original);
    assertRegistryUnchanged();
  }

  @Test
  void unreachableRegistryDatabase() {
    Path yaml = repo.resolve("feature_store.yaml");
    String original = TestRepos.read(yaml);
    TestRepos.write(yaml, original.replace("path: sqlite:///data/registry.db",
        "path: postgresql://feast:secret@127.0.0.1:1/feast"));

    CliRun run = applyFailing(4);
    assertThat(run.err()).contains("Error: registry database").contains("unreachable").doesNotContain("secret");
    TestRepos.write(yaml, original);
    assertRegistryUnchanged();
  }
}
