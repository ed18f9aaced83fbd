package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code featurestore registry migrate} between the embedded kinds: SQLite and Feast's file registry. */
class RegistryMigrateTest {
  @TempDir Path tmp;
  private String sqlite;

  @BeforeEach
  void applySample() {
    Path repo = TestRepos.sample(tmp);
    CliRun apply = CliRun.of("-c", repo.toString(), "apply");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    sqlite = "sqlite:///" + repo.resolve("data/registry.db").toAbsolutePath();
  }

  @Test
  void sqliteToFileToSqliteKeepsEveryObject() {
    String file = tmp.resolve("copy/registry.pb").toString();
    CliRun toFile = CliRun.of("registry", "migrate", "--from", sqlite, "--to", "file://" + file);
    assertThat(toFile.exitCode()).as(toFile.toString()).isZero();
    assertThat(toFile.out()).contains(
        "Migrating 1 project(s)", "bnpl: copied", "(file registry)", "Verification passed: 1 project(s)");

    String back = "sqlite:///" + tmp.resolve("back.db");
    CliRun toSqlite = CliRun.of("registry", "migrate", "--from", file, "--to", back);
    assertThat(toSqlite.exitCode()).as(toSqlite.toString()).isZero();
    assertThat(CliRun.of("registry", "migrate", "--verify-only", "--from", sqlite, "--to", back).exitCode()).isZero();
  }

  @Test
  void relativePathsResolveAgainstChdir() {
    CliRun run = CliRun.of("-c", tmp.toString(), "registry", "migrate", "--from", sqlite, "--to", "sqlite:///rel/copy.db");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(tmp.resolve("rel/copy.db")).exists();
  }

  @Test
  void detectsATamperedTarget() throws Exception {
    Path copy = tmp.resolve("copy.db");
    assertThat(CliRun.of("registry", "migrate", "--from", sqlite, "--to", "sqlite:///" + copy).exitCode()).isZero();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM feature_services WHERE feature_service_name = 'fraud_check_v1'");
      // Another entity's proto under this entity's name: parses, but the bytes differ.
      statement.executeUpdate("UPDATE entities SET entity_proto = (SELECT entity_proto FROM entities"
          + " WHERE entity_name = 'merchant') WHERE entity_name = 'user'");
    }
    CliRun verify = CliRun.of("registry", "migrate", "--verify-only", "--from", sqlite, "--to", "sqlite:///" + copy);
    assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(1);
    assertThat(verify.out()).contains(
        "bnpl:", "DIFFER", "missing in target: FeatureService fraud_check_v1",
        "different bytes: Entity user", "Verification FAILED: 2 difference(s)");
  }

  @Test
  void refusesANonEmptyTargetUnlessForced() {
    Path copy = tmp.resolve("copy.db");
    String target = "sqlite:///" + copy;
    assertThat(CliRun.of("registry", "migrate", "--from", sqlite, "--to", target).exitCode()).isZero();

    CliRun again = CliRun.of("registry", "migrate", "--from", sqlite, "--to", target);
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already holds projects [bnpl]", "--force");

    CliRun forced = CliRun.of("registry", "migrate", "--force", "--from", sqlite, "--to", target);
    assertThat(forced.exitCode()).as(forced.toString()).isZero();
    assertThat(forced.out()).contains("Verification passed");
  }

  @Test
  void refusesAMissingSourceAndTheSameRegistryTwice() {
    CliRun missing = CliRun.of("registry", "migrate", "--from", "sqlite:///" + tmp.resolve("nope.db"), "--to", "x.pb");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("source registry", "does not exist");
    assertThat(tmp.resolve("nope.db")).doesNotExist();

    CliRun same = CliRun.of("registry", "migrate", "--from", sqlite, "--to", sqlite);
    assertThat(same.exitCode()).isEqualTo(2);
    assertThat(same.err()).contains("same registry");

    CliRun scheme = CliRun.of("registry", "migrate", "--from", sqlite, "--to", "mysql://root:secret@db/x");
    assertThat(scheme.exitCode()).isEqualTo(2);
    assertThat(scheme.err()).contains("not supported").doesNotContain("secret");
  }
}
