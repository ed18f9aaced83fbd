package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.testing.TestingPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** featurestore schedule with a PostgreSQL registry and the clustered JDBC job store in it. */
class ScheduleCommandIT {
  @TempDir Path tmp;

  @Test
  void runsOnTheJdbcJobStoreInTheRegistryDatabase() throws Exception {
    TestingPostgresServer postgres = TestingPostgresServer.shared();
    String database = postgres.createDatabase("cli_schedule");
    Path repo = TestRepos.sample(tmp);
    Path yaml = repo.resolve("feature_store.yaml");
    TestRepos.write(yaml, TestRepos.read(yaml).replace("path: sqlite:///data/registry.db",
            "path: postgresql+psycopg://" + postgres.user() + "@" + postgres.host() + ":" + postgres.port() + "/" + database)
        + "\nmaterializer:\n  default: {interval: 1s}\n  job_store: jdbc\n");
    CliRun apply = CliRun.of("-c", repo.toString(), "apply");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();

    CliRun run = CliRun.of("-c", repo.toString(), "schedule", "--for", "6s");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("(job store: jdbc, history: registry database).")
        .containsPattern("user_demographics: succeeded, [\\d,]+ rows from ");
    try (Connection connection = postgres.connect(database);
        Statement statement = connection.createStatement()) {
      // How many 1 s runs fit in 6 s on 2 shared cores depends on the load, so the test asks for
      // a run of every view (7), recorded by the scheduler in the registry database.
      assertThat(count(statement, "SELECT count(DISTINCT feature_view) FROM fs_materialization_runs"
          + " WHERE status = 'SUCCEEDED' AND project_id = 'bnpl'")).isEqualTo(7);
      assertThat(count(statement, "SELECT count(*) FROM fs_qrtz_job_details WHERE job_group = 'bnpl'")).isEqualTo(7);
    }
    postgres.dropDatabase(database);
  }

  private static long count(Statement statement, String sql) throws Exception {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
