package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.cli.sample.SampleDataOptions;
import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.online.OnlineRow;
import dev.featurestore.core.online.OnlineStore;
import dev.featurestore.core.online.ViewRead;
import dev.featurestore.core.registry.RegistryObjectKind;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.registry.RegistryStores;
import dev.featurestore.registry.config.RepoConfigLoader;
import feast.proto.core.FeatureViewProto;
import feast.proto.types.EntityKeyProto.EntityKey;
import feast.proto.types.ValueProto.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** materialize / materialize-incremental end to end: sample repo, SQLite registry and online store. */
class MaterializeCommandTest {
  private static final List<String> DEMOGRAPHICS = List.of("age", "country", "account_age_days");
  private static final Instant NOW = SampleDataOptions.startOfTodayUtc();
  private static final Instant START = NOW.minus(Duration.ofDays(10));

  @TempDir Path tmp;
  private Path repo;

  @BeforeEach
  void applySampleRepository() {
    repo = TestRepos.sample(tmp);
    CliRun apply = CliRun.of("-c", repo.toString(), "apply");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
  }

  @Test
  void materializesTheLatestRowOfEachUserAndRecordsTheInterval() {
    CliRun run = materialize(START.toString(), NOW.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("feature views from " + MaterializationProgress.time(START) + " to "
            + MaterializationProgress.time(NOW) + " into the sqlite online store.")
        .contains("user_demographics from " + MaterializationProgress.time(START) + " to ")
        .contains(" rows in ")
        .contains("Materialized ");
    Map<String, List<Object>> expected = latestInParquet("user_demographics", START, NOW);
    assertThat(expected).hasSizeGreaterThan(100);
    assertThat(readDemographics(expected.keySet())).isEqualTo(expected);
    assertThat(intervals("user_demographics")).containsExactly(List.of(START, NOW));
  }

  @Test
  void theSameWindowTwiceLeavesTheSameStore() {
    assertThat(materialize(START.toString(), NOW.toString()).exitCode()).isZero();
    Map<String, List<Object>> first = readDemographics(users(200));

    CliRun again = materialize(START.toString(), NOW.toString());

    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(readDemographics(users(200))).isEqualTo(first);
    assertThat(intervals("user_demographics")).hasSize(2);
  }

  @Test
  void incrementalPicksUpRowsAddedAfterTheLastRun() {
    assertThat(materialize(START.toString(), NOW.toString()).exitCode()).isZero();
    Instant fresh = NOW.plus(Duration.ofHours(1));
    appendRow("user_demographics", "user_00001", fresh, "age", "99");

    CliRun run =
        MaterializeCli.run("-c", repo.toString(), "materialize-incremental",
            NOW.plus(Duration.ofHours(2)).toString(), "--views", "user_demographics");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("Materializing 1 feature views to " + MaterializationProgress.time(NOW.plus(Duration.ofHours(2))))
        .contains("user_demographics from " + MaterializationProgress.time(NOW) + " to ")
        .contains("  1 rows in ");
    assertThat(readDemographics(List.of("user_00001")).get("user_00001").get(0)).isEqualTo(99L);
    assertThat(intervals("user_demographics")).hasSize(2);
  }

  @Test
  void rowsOlderThanTheTtlAreLeftOut() {
    Instant old = NOW.minus(Duration.ofDays(40));
    appendRow("user_demographics", "user_99999", old, "age", "50");
    appendRow("user_order_behavior", "user_99999", old, "total_orders", "5");

    CliRun run = materialize(NOW.minus(Duration.ofDays(60)).toString(), NOW.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("past the view's ttl");
    assertThat(read("user_demographics", DEMOGRAPHICS, "user_99999")).isNotNull(); // ttl 365 days
    assertThat(read("user_order_behavior", List.of("total_orders"), "user_99999")).isNull(); // ttl 30 days
  }

  @Test
  void badArgumentsAreOneLineErrorsAndWriteNothing() {
    CliRun backwards = materialize(NOW.toString(), START.toString());
    assertThat(backwards.exitCode()).isEqualTo(2);
    assertThat(backwards.err()).startsWith("Error: the start ").contains("must be before the end").doesNotContain("\tat ");

    CliRun unknown = MaterializeCli.run("-c", repo.toString(), "materialize", START.toString(), NOW.toString(),
        "--views", "user_demographics", "--views", "nope");
    assertThat(unknown.exitCode()).isEqualTo(3);
    assertThat(unknown.err()).isEqualTo("Error: Feature view nope does not exist in project bnpl\n");

    CliRun notATime = materialize("yesterday", NOW.toString());
    assertThat(notATime.exitCode()).isEqualTo(2);
    assertThat(notATime.err()).contains("'yesterday' is not an ISO 8601 time");

    assertThat(readDemographics(users(5)).values()).allMatch(v -> v == null);
    assertThat(intervals("user_demographics")).isEmpty();
  }

  @Test
  void aMissingSourceFileStopsTheRunBeforeAnyWrite() throws Exception {
    Files.delete(repo.resolve("data/device_risk.parquet"));

    CliRun run = materialize(START.toString(), NOW.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
    assertThat(run.err()).contains("device_risk_source").contains("device_risk.parquet").contains("does not exist");
    assertThat(readDemographics(users(5)).values()).allMatch(v -> v == null);
  }

  @Test
  void helpListsTheArguments() {
    assertThat(MaterializeCli.run("materialize", "--help").out()).contains("START_TS", "END_TS", "--views");
    assertThat(MaterializeCli.run("materialize-incremental", "--help").out()).contains("END_TS", "--views");
  }

  private CliRun materialize(String start, String end) {
    return MaterializeCli.run("-c", repo.toString(), "materialize", start, end);
  }

  private static List<String> users(int count) {
    List<String> users = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      users.add(String.format("user_%05d", i));
    }
    return users;
  }

  /** The oracle: all rows in the window, the latest per user picked here in Java. */
  private Map<String, List<Object>> latestInParquet(String table, Instant start, Instant end) {
    Map<String, List<Object>> latest = new HashMap<>();
    Map<String, long[]> times = new HashMap<>();
    String sql = "SELECT user_id, age, country, account_age_days, epoch_us(event_timestamp), epoch_us(created)"
        + " FROM read_parquet('" + repo.resolve("data/" + table + ".parquet") + "')"
        + " WHERE event_timestamp >= TIMESTAMPTZ '" + start + "' AND event_timestamp <= TIMESTAMPTZ '" + end + "'";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        String user = rows.getString(1);
        long[] at = {rows.getLong(5), rows.getLong(6)};
        long[] best = times.get(user);
        if (best == null || at[0] > best[0] || (at[0] == best[0] && at[1] > best[1])) {
          times.put(user, at);
          latest.put(user, List.of(rows.getLong(2), rows.getString(3), rows.getLong(4)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return latest;
  }

  /** Adds a copy of one of the table's rows for {@code user} at {@code at}, with one column changed. */
  private void appendRow(String table, String user, Instant at, String column, String value) {
    Path file = repo.resolve("data/" + table + ".parquet");
    Path next = repo.resolve("data/" + table + ".next.parquet");
    String source = "read_parquet('" + file + "')";
    String sql = "COPY (SELECT * FROM " + source + " UNION ALL BY NAME SELECT * REPLACE ('" + user
        + "' AS user_id, " + value + " AS " + column + ", TIMESTAMPTZ '" + at + "' AS event_timestamp, TIMESTAMPTZ '"
        + at + "' AS created) FROM (SELECT * FROM " + source + " LIMIT 1)) TO '" + next + "' (FORMAT parquet)";
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, List<Object>> readDemographics(java.util.Collection<String> users) {
    Map<String, List<Object>> values = new HashMap<>();
    for (String user : users) {
      OnlineRow row = read("user_demographics", DEMOGRAPHICS, user);
      values.put(user, row == null ? null : List.of(
          row.values().get(0).getInt64Val(), row.values().get(1).getStringVal(), row.values().get(2).getInt64Val()));
    }
    return values;
  }

  private OnlineRow read(String view, List<String> features, String user) {
    RepoConfig config = RepoConfigLoader.load(repo);
    EntityKey key = EntityKey.newBuilder().addJoinKeys("user_id")
        .addEntityValues(Value.newBuilder().setStringVal(user)).build();
    try (OnlineStore store = OnlineStores.open(config)) {
      return store.read(config.project(), List.of(new ViewRead(view, features, List.of(key)))).get(0).get(0);
    }
  }

  private List<List<Instant>> intervals(String view) {
    RepoConfig config = RepoConfigLoader.load(repo);
    try (RegistryStore store = RegistryStores.open(config)) {
      FeatureViewProto.FeatureView proto =
          (FeatureViewProto.FeatureView) store.read(config.project())
              .find(RegistryObjectKind.FEATURE_VIEW, view).orElseThrow().proto();
      return proto.getMeta().getMaterializationIntervalsList().stream()
          .map(i -> List.of(
              Instant.ofEpochSecond(i.getStartTime().getSeconds(), i.getStartTime().getNanos()),
              Instant.ofEpochSecond(i.getEndTime().getSeconds(), i.getEndTime().getNanos())))
          .toList();
    }
  }
}
