package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code featurestore init}: a new repository that applies at once. */
class InitCommandTest {
  @TempDir Path tmp;

  @Test
  void initThenApplyThenNoChanges() {
    CliRun init = CliRun.of("-c", tmp.toString(), "init", "credit_demo");
    assertThat(init.exitCode()).as(init.toString()).isZero();
    Path repo = tmp.resolve("credit_demo");
    assertThat(repo.resolve("feature_store.yaml")).exists();
    assertThat(repo.resolve("example_repo.py")).exists();
    assertThat(repo.resolve("README.md")).exists();
    assertThat(TestRepos.read(repo.resolve(".gitignore"))).contains("data/");
    assertThat(repo.resolve("data/customer_stats.parquet")).exists();
    assertThat(TestRepos.read(repo.resolve("feature_store.yaml")))
        .contains("project: credit_demo", "path: sqlite:///data/registry.db", "type: sqlite", "type: file",
            "entity_key_serialization_version: 3");

    CliRun apply = CliRun.of("-c", repo.toString(), "apply");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains(
        "Created entity customer", "Created feature view customer_stats", "Created feature service checkout_model_v1");
    assertThat(apply.err()).doesNotContain("Warning");

    CliRun again = CliRun.of("-c", repo.toString(), "apply");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes to registry");
  }

  @Test
  void sampleDataIsDeterministic() throws Exception {
    assertThat(CliRun.of("-c", tmp.resolve("a").toString(), "init", "demo").exitCode()).isZero();
    assertThat(CliRun.of("-c", tmp.resolve("b").toString(), "init", "demo").exitCode()).isZero();
    assertThat(Files.readAllBytes(tmp.resolve("a/demo/data/customer_stats.parquet")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("b/demo/data/customer_stats.parquet")));
  }

  @Test
  void refusesAnExistingNonEmptyFolder() throws Exception {
    Path existing = Files.createDirectories(tmp.resolve("taken"));
    Files.writeString(existing.resolve("notes.txt"), "mine");
    CliRun run = CliRun.of("-c", tmp.toString(), "init", "taken");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("already exists and is not empty");
    assertThat(existing.resolve("feature_store.yaml")).doesNotExist();
    assertThat(TestRepos.read(existing.resolve("notes.txt"))).isEqualTo("mine");
  }

  @Test
  void acceptsAnExistingEmptyFolder() throws Exception {
    Files.createDirectories(tmp.resolve("empty"));
    CliRun run = CliRun.of("-c", tmp.toString(), "init", "empty");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(tmp.resolve("empty/feature_store.yaml")).exists();
  }

  @Test
  void refusesInvalidProjectNames() {
    for (String name : new String[] {"_hidden", "-dash", "has space", "a/b", "dots.not.allowed"}) {
      CliRun run = CliRun.of("-c", tmp.toString(), "init", "--", name);
      assertThat(run.exitCode()).as(name + "\n" + run).isEqualTo(2);
      assertThat(run.err()).contains("project name '" + name + "'");
    }
    CliRun hyphen = CliRun.of("-c", tmp.toString(), "init", "credit-demo");
    assertThat(hyphen.exitCode()).isEqualTo(2);
    assertThat(hyphen.err()).contains("must not contain hyphens", "credit_demo");
    assertThat(tmp).isEmptyDirectory();
  }
}
