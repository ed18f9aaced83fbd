package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.ViewRead;
import dev.featurestore.registry.config.RepoConfigLoader;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** featurestore schedule on the sample repository: RAM job store, SQLite registry and online store. */
class ScheduleCommandTest {
  @TempDir Path tmp;
  private Path repo;

  @BeforeEach
  void applySampleRepository() {
    repo = TestRepos.sample(tmp);
    CliRun apply = CliRun.of("-c", repo.toString(), "apply");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
  }

  @Test
  void materializesEveryOnlineViewEverySecondAndRecordsHistory() throws Exception {
    Path yaml = repo.resolve("feature_store.yaml");
    TestRepos.write(yaml, TestRepos.read(yaml)
        + "\nmaterializer:\n  default: {interval: 1s}\n  views:\n    device_risk: {enabled: false}\n  threads: 2\n");

    CliRun run = CliRun.of("-c", repo.toString(), "schedule", "--for", "5s");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("(job store: ram, history: registry database).")
        .contains("  user_demographics: every 1s")
        .doesNotContain("  device_risk:")
        .containsPattern("user_demographics: succeeded, [\\d,]+ rows from ")
        .contains("Stopped.");
    List<Map<String, Object>> runs = runs();
    Map<String, Integer> perView = new HashMap<>();
    runs.forEach(r -> perView.merge((String) r.get("feature_view"), 1, Integer::sum));
    assertThat(perView).containsKey("user_demographics").doesNotContainKey("device_risk");
    assertThat(perView.get("user_demographics")).isGreaterThanOrEqualTo(2);
    assertThat(runs).allSatisfy(r -> {
      assertThat(r.get("status")).isEqualTo("SUCCEEDED");
      assertThat(r.get("project_id")).isEqualTo("bnpl");
      assertThat(r.get("finished_at")).isNotNull();
    });
    Map<String, Object> first = runs.stream()
        .filter(r -> r.get("feature_view").equals("user_demographics")).findFirst().orElseThrow();
    assertThat((Long) first.get("rows_written")).isPositive();
    assertThat(readAge("user_00001")).isNotNull();
  }

  @Test
  void anInterruptStopsItCleanly() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger exitCode = new AtomicInteger(-1);
    Thread command = new Thread(() -> exitCode.set(FeatureStoreCommand.execute(
        new PrintWriter(out), new PrintWriter(err), "-c", repo.toString(), "schedule")));
    command.start();
    // Hourly by default: the first runs happen at once, then nothing until interrupted.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!out.toString().contains("user_demographics: succeeded") && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }

    command.interrupt();
    command.join(30_000);

    assertThat(command.isAlive()).isFalse();
    assertThat(exitCode.get()).as(err.toString()).isZero();
    assertThat(out.toString()).contains("  user_demographics: every 1h, next ").endsWith("Stopped.\n");
  }

  @Test
  void aBadScheduleIsAOneLineError() {
    Path yaml = repo.resolve("feature_store.yaml");
    TestRepos.write(yaml, TestRepos.read(yaml) + "\nmaterializer:\n  views:\n    user_demographics: {cron: \"every day\"}\n");

    CliRun run = CliRun.of("-c", repo.toString(), "schedule", "--for", "1s");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("Error: feature_store.yaml: materializer.views.user_demographics.cron: 'every day'"
        + " is not a valid Quartz cron expression");
  }

  private List<Map<String, Object>> runs() throws Exception {
    List<Map<String, Object>> runs = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + repo.resolve("data/registry.db"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT project_id, feature_view, status, rows_written, finished_at FROM fs_materialization_runs ORDER BY id")) {
      while (rows.next()) {
        Map<String, Object> row = new HashMap<>();
        row.put("project_id", rows.getString(1));
        row.put("feature_view", rows.getString(2));
        row.put("status", rows.getString(3));
        row.put("rows_written", rows.getLong(4));
        row.put("finished_at", rows.getObject(5));
        runs.add(row);
      }
    }
    return runs;
  }

  private OnlineRow readAge(String user) {
    RepoConfig config = RepoConfigLoader.load(repo);
    EntityKey key = EntityKey.newBuilder().addJoinKeys("user_id")
        .addEntityValues(Value.newBuilder().setStringVal(user)).build();
    try (OnlineStore store = OnlineStores.open(config)) {
      return store.read(config.project(), List.of(new ViewRead("user_demographics", List.of("age"), List.of(key))))
          .get(0).get(0);
    }
  }
}
