package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.testing.TestingPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample repository applied to Feast's SQL registry on a private PostgreSQL. */
class PostgresRegistryApplyIT {
  @TempDir Path tmp;

  @Test
  void sampleAppliesToPostgresInFeastTables() throws Exception {
    TestingPostgresServer postgres = TestingPostgresServer.shared();
    String database = postgres.createDatabase("cli_registry");
    Path repo = TestRepos.sample(tmp);
    Path yaml = repo.resolve("feature_store.yaml");
    TestRepos.write(yaml, TestRepos.read(yaml).replace("path: sqlite:///data/registry.db",
        "path: postgresql+psycopg://" + postgres.user() + "@" + postgres.host() + ":" + postgres.port() + "/" + database));

    CliRun first = CliRun.of("-c", repo.toString(), "apply");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).contains("Created feature service credit_decision_v1");
    assertThat(CliRun.of("-c", repo.toString(), "apply").out()).contains("No changes to registry");

    try (Connection connection = postgres.connect(database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT (SELECT count(*) FROM feature_views WHERE project_id = 'bnpl'),"
                + " (SELECT count(*) FROM stream_feature_views WHERE project_id = 'bnpl')")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(6);
      assertThat(rows.getInt(2)).as("user_transaction_velocity").isEqualTo(1);
    }
    assertThat(CliRun.of("-c", repo.toString(), "teardown").exitCode()).isZero();
    assertThat(CliRun.of("-c", repo.toString(), "registry-dump").out()).isEqualTo("{\n  \"project\": \"bnpl\"\n}\n");
  }
}
