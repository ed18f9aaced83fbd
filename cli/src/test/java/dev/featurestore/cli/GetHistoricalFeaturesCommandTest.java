package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.cli.sample.SampleDataOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** get-historical-features end to end on the sample repository and its generated Parquet files. */
class GetHistoricalFeaturesCommandTest {
  private static final Instant NOW = SampleDataOptions.startOfTodayUtc();

  @TempDir Path tmp;
  private Path repo;

  @BeforeEach
  void applySampleRepository() {
    repo = TestRepos.sample(tmp);
    CliRun apply = CliRun.of("-c", repo.toString(), "apply");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
  }

  @Test
  void writesPointInTimeValuesThatMatchTheSourceFiles() {
    List<String> users = List.of("user_00001", "user_00002", "user_00003", "user_00017", "user_99999");
    List<Instant> times = List.of(
        NOW, NOW.minus(Duration.ofHours(20)), NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(10)));
    StringBuilder csv = new StringBuilder("user_id,event_timestamp,label\n");
    List<String[]> rows = new ArrayList<>();
    for (String user : users) {
      for (Instant time : times) {
        rows.add(new String[] {user, time.toString()});
        csv.append(user).append(',').append(time).append(",1\n");
      }
    }
    Path entities = tmp.resolve("entities.csv");
    TestRepos.write(entities, csv.toString());
    Path output = tmp.resolve("training/out.parquet");

    CliRun run = CliRun.of("-c", repo.toString(), "get-historical-features",
        "--entities", entities.toString(),
        "--features", "user_demographics:age,user_demographics:country",
        "--features", "user_order_behavior:total_orders",
        "--output", output.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("Retrieving 3 features of 2 feature views")
        .contains("Wrote 20 rows with 6 columns to " + output);
    List<List<Object>> written = query(
        "SELECT user_id, epoch_us(event_timestamp), label, age, country, total_orders FROM read_parquet('"
            + output + "')");
    assertThat(written).hasSize(rows.size());
    int present = 0;
    for (int i = 0; i < rows.size(); i++) {
      String user = rows.get(i)[0];
      Instant at = Instant.parse(rows.get(i)[1]);
      List<Object> demographics = latest("user_demographics", "age, country", user, at, Duration.ofDays(365));
      List<Object> orders = latest("user_order_behavior", "total_orders", user, at, Duration.ofDays(30));
      List<Object> expected = new ArrayList<>(List.of(user, at.toEpochMilli() * 1000, 1L));
      expected.addAll(demographics == null ? Arrays.asList(null, null) : demographics);
      expected.add(orders == null ? null : orders.get(0));
      assertThat(written.get(i)).as("row %d", i).isEqualTo(expected);
      present += demographics == null ? 0 : 1;
    }
    assertThat(present).as("rows with values").isGreaterThanOrEqualTo(4);
    assertThat(written.get(written.size() - 1).subList(3, 6)).containsOnlyNulls(); // user_99999
  }

  @Test
  void aFeatureServiceWithFullFeatureNames() {
    Path entities = tmp.resolve("entities.csv");
    TestRepos.write(entities, "user_id,event_timestamp\nuser_00001," + NOW + "\n");
    Path output = tmp.resolve("out.parquet");

    CliRun run = CliRun.of("-c", repo.toString(), "get-historical-features", "--entities", entities.toString(),
        "--feature-service", "credit_decision_v1", "--full-feature-names", "--output", output.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> columns = query("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('" + output + "'))")
        .stream().map(r -> (String) r.get(0)).toList();
    assertThat(columns).startsWith("user_id", "event_timestamp", "user_demographics__age", "user_demographics__country")
        .contains("user_order_behavior__total_orders")
        .doesNotContain("user_demographics__account_age_days");
  }

  @Test
  void clearErrors() {
    Path good = tmp.resolve("good.csv");
    TestRepos.write(good, "user_id,event_timestamp\nuser_00001," + NOW + "\n");
    Path out = tmp.resolve("out.parquet");

    CliRun missingFile = historical(tmp.resolve("nope.parquet"), "user_demographics:age");
    assertThat(missingFile.exitCode()).isEqualTo(2);
    assertThat(missingFile.err()).startsWith("Error: entity file ").contains("nope.parquet does not exist");

    Path noTime = tmp.resolve("no_time.csv");
    TestRepos.write(noTime, "user_id,day\nuser_00001,monday\n");
    assertThat(historical(noTime, "user_demographics:age").err())
        .contains("no event_timestamp column").contains("user_id, day");

    Path noKey = tmp.resolve("no_key.csv");
    TestRepos.write(noKey, "customer,event_timestamp\nuser_00001," + NOW + "\n");
    CliRun missingKey = historical(noKey, "user_demographics:age");
    assertThat(missingKey.exitCode()).isEqualTo(2);
    assertThat(missingKey.err()).contains("no column user_id, the join key of feature view user_demographics");

    CliRun unknownView = historical(good, "nope:age");
    assertThat(unknownView.exitCode()).isEqualTo(3);
    assertThat(unknownView.err()).isEqualTo("Error: Feature view nope does not exist in project bnpl\n");

    CliRun unknownFeature = historical(good, "user_demographics:height");
    assertThat(unknownFeature.exitCode()).isEqualTo(3);
    assertThat(unknownFeature.err()).contains("user_demographics has no feature height").contains("age, country");

    assertThat(historical(good, "user_demographics").err()).contains("must have the form feature_view:feature");
    assertThat(out).doesNotExist();
  }

  @Test
  void helpListsTheOptions() {
    assertThat(CliRun.of("get-historical-features", "--help").out())
        .contains("--entities", "--features", "--feature-service", "--full-feature-names", "--output");
  }

  private CliRun historical(Path entities, String features) {
    return CliRun.of("-c", repo.toString(), "get-historical-features", "--entities", entities.toString(),
        "--features", features, "--output", tmp.resolve("out.parquet").toString());
  }

  /** The oracle: every row of the user read back, the point-in-time winner picked here in Java. */
  private List<Object> latest(String table, String columns, String user, Instant at, Duration ttl) {
    long atMicros = at.toEpochMilli() * 1000;
    long ttlMicros = ttl.toSeconds() * 1_000_000;
    List<List<Object>> rows = query("SELECT epoch_us(event_timestamp), epoch_us(created), " + columns
        + " FROM read_parquet('" + repo.resolve("data/" + table + ".parquet") + "') WHERE user_id = '" + user + "'");
    List<Object> best = null;
    for (List<Object> row : rows) {
      long event = (Long) row.get(0);
      if (event > atMicros || event < atMicros - ttlMicros) {
        continue;
      }
      if (best == null || event > (Long) best.get(0)
          || (event == (Long) best.get(0) && (Long) row.get(1) > (Long) best.get(1))) {
        best = row;
      }
    }
    return best == null ? null : best.subList(2, best.size());
  }

  private static List<List<Object>> query(String sql) {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object value = result.getObject(i);
          row.add(value instanceof Integer n ? Long.valueOf(n) : value);
        }
        rows.add(row);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }
}
