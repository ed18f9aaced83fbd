package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan / apply / registry-dump / teardown end to end on real repositories and registries. */
class ApplyCommandTest {
  @TempDir Path tmp;

  @Test
  void sampleRepositoryAppliesThenReportsNoChanges() {
    Path repo = TestRepos.sample(tmp);

    CliRun first = CliRun.of("-c", repo.toString(), "apply");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out())
        .contains("Applying changes for project bnpl")
        .contains("Created project bnpl")
        .contains("Created entity user", "Created entity merchant", "Created entity device", "Created entity transaction")
        .contains("Created feature view user_demographics", "Created feature view user_credit_profile",
            "Created feature view user_order_behavior", "Created feature view user_repayment_risk",
            "Created stream feature view user_transaction_velocity", "Created feature view merchant_features",
            "Created feature view device_risk")
        .contains("Created feature service credit_decision_v1", "Created feature service fraud_check_v1");
    assertThat(first.err()).doesNotContain("Warning");
    assertThat(repo.resolve("data/registry.db")).exists();

    CliRun second = CliRun.of("-c", repo.toString(), "apply");
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out()).contains("No changes to registry").contains("0 created, 0 updated, 0 deleted");
  }

  @Test
  void editedRepositoryShowsExactlyTheChangedObjects() {
    Path repo = TestRepos.sample(tmp);
    assertThat(CliRun.of("-c", repo.toString(), "apply").exitCode()).isZero();

    Path userFeatures = repo.resolve("user_features.py");
    String before = TestRepos.read(userFeatures);
    String oldDescription = "Identity facts that change rarely; refreshed daily from the customer table.";
    assertThat(before).contains(oldDescription);
    TestRepos.write(userFeatures, before.replace(oldDescription, "Identity facts."));
    TestRepos.write(repo.resolve("partners.py"),
        "from feast import Entity, ValueType\n\npartner = Entity(name=\"partner\", join_keys=[\"partner_id\"], value_type=ValueType.STRING)\n");

    CliRun plan = CliRun.of("-c", repo.toString(), "plan");
    assertThat(plan.exitCode()).as(plan.toString()).isZero();
    assertThat(plan.out()).isEqualTo(
        "Created entity partner\n"
            + "Updated feature view user_demographics\n"
            + "\tdescription: \"" + oldDescription + "\" -> \"Identity facts.\"\n");

    CliRun apply = CliRun.of("-c", repo.toString(), "apply");
    assertThat(apply.out()).contains("1 created, 1 updated, 0 deleted");

    TestRepos.write(repo.resolve("partners.py"), "");
    CliRun deleted = CliRun.of("-c", repo.toString(), "plan");
    assertThat(deleted.out()).isEqualTo("Deleted entity partner\n");
  }

  @Test
  void registryDumpShowsAppliedObjectsAsJson() {
    Path repo = TestRepos.sample(tmp);
    assertThat(CliRun.of("-c", repo.toString(), "apply").exitCode()).isZero();

    CliRun dump = CliRun.of("-c", repo.toString(), "registry-dump");
    assertThat(dump.exitCode()).as(dump.toString()).isZero();
    assertThat(dump.out())
        .startsWith("{\n  \"project\": \"bnpl\"")
        .contains("\"entities\": [", "\"featureViews\": [", "\"featureServices\": [", "\"dataSources\": [")
        .contains("\"name\": \"credit_decision_v1\"")
        .contains("\"joinKey\": \"user_id\"");
  }

  @Test
  void teardownEmptiesTheRegistry() {
    Path repo = TestRepos.sample(tmp);
    assertThat(CliRun.of("-c", repo.toString(), "apply").exitCode()).isZero();

    CliRun teardown = CliRun.of("-c", repo.toString(), "teardown");
    assertThat(teardown.exitCode()).as(teardown.toString()).isZero();
    assertThat(teardown.out()).contains("Deleted feature view user_demographics").contains("torn down");

    CliRun dump = CliRun.of("-c", repo.toString(), "registry-dump");
    assertThat(dump.out()).isEqualTo("{\n  \"project\": \"bnpl\"\n}\n");
    assertThat(CliRun.of("-c", repo.toString(), "teardown").out()).contains("nothing to tear down");
  }

  @Test
  void feastInitRepositoryAppliesWithOnlyTheOnDemandWarnings() {
    Path repo = TestRepos.feastInit(tmp);

    CliRun apply = CliRun.of("-c", repo.toString(), "apply");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(apply.out())
        .contains("Created entity driver")
        .contains("Created feature view driver_hourly_stats", "Created feature view driver_hourly_stats_fresh")
        .contains("Created on demand feature view transformed_conv_rate")
        .contains("Created label view driver_quality_labels")
        .contains("Created feature service driver_activity_v1");
    assertThat(apply.err().lines().toList())
        .hasSize(2)
        .allMatch(line -> line.startsWith("Warning: feature_definitions.py:") && line.contains("on-demand feature view"));
    // Feast's file registry, as feature_store.yaml names it with a bare path.
    assertThat(repo.resolve("data/registry.db")).isRegularFile();
    // driver_id's type came from the Parquet file, as Feast infers it.
    assertThat(CliRun.of("-c", repo.toString(), "registry-dump").out()).contains("\"valueType\": \"INT64\"");
    assertThat(CliRun.of("-c", repo.toString(), "apply").out()).contains("No changes to registry");
  }

  @Test
  void versionAndHelpWork() {
    assertThat(CliRun.of("version").out()).startsWith("featurestore ").contains("Feast 0.66");
    CliRun help = CliRun.of("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("apply", "plan", "teardown", "registry-dump", "generate-data");
    for (String command : new String[] {"apply", "plan", "teardown", "registry-dump", "version"}) {
      assertThat(CliRun.of(command, "--help").out()).as(command).contains("Usage: featurestore " + command);
    }
  }

  @Test
  void missingRepositoryIsAOneLineError() {
    CliRun run = CliRun.of("-c", tmp.resolve("nowhere").toString(), "apply");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).startsWith("Error: no feature_store.yaml in ").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(Files.exists(tmp.resolve("nowhere"))).isFalse();
  }
}
