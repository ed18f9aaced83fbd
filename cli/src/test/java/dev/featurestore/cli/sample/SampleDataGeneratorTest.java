package dev.featurestore.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {
  private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");

  @TempDir static Path root;
  private static Path shared;
  private static List<GeneratedFile> files;

  @BeforeAll
  static void generateOnce() {
    shared = root.resolve("base");
    files = new SampleDataGenerator(SampleDataListener.NONE).generate(options(500, 42, shared));
  }

  private static SampleDataOptions options(long users, long seed, Path dir) {
    return new SampleDataOptions(users, 40, users + users / 5, seed, 30, NOW, dir);
  }

  @Test
  void writesOneFilePerFeatureViewAndNothingElse() throws Exception {
    assertThat(files).extracting(GeneratedFile::table).containsExactlyElementsOf(SchemaTable.VIEWS);
    try (var listing = Files.list(shared)) {
      assertThat(listing.map(p -> p.getFileName().toString()).sorted())
          .containsExactlyInAnyOrderElementsOf(SampleDataGenerator.fileNames());
    }
  }

  @Test
  void sameSeedGivesSameRows() throws Exception {
    Path again = root.resolve("again");
    new SampleDataGenerator(SampleDataListener.NONE).generate(options(500, 42, again));
    try (ParquetReader reader = new ParquetReader()) {
      for (GeneratedFile file : files) {
        assertThat(reader.rows(sortedRows(again.resolve(file.path().getFileName()))))
            .as(file.table())
            .isEqualTo(reader.rows(sortedRows(file.path())));
      }
    }
  }

  @Test
  void otherSeedGivesOtherRows() throws Exception {
    Path other = root.resolve("seed7");
    new SampleDataGenerator(SampleDataListener.NONE).generate(options(500, 7, other));
    try (ParquetReader reader = new ParquetReader()) {
      Path mine = shared.resolve("user_credit_profile.parquet");
      assertThat(reader.rows(sortedRows(other.resolve(mine.getFileName()))))
          .isNotEqualTo(reader.rows(sortedRows(mine)));
    }
  }

  @Test
  void anEntitysRowsDoNotDependOnHowManyEntitiesAreGenerated() throws Exception {
    Path fewer = root.resolve("fewer");
    new SampleDataGenerator(SampleDataListener.NONE).generate(options(120, 42, fewer));
    try (ParquetReader reader = new ParquetReader()) {
      String firstUsers = " WHERE user_id <= 'user_00120'";
      Path mine = shared.resolve("user_order_behavior.parquet");
      assertThat(reader.rows(sortedRows(fewer.resolve(mine.getFileName()))))
          .isEqualTo(reader.rows(sortedRows(mine, firstUsers)));
    }
  }

  @Test
  void reportedRowCountsMatchTheFilesAndEveryEntityHasHistory() throws Exception {
    try (ParquetReader reader = new ParquetReader()) {
      for (GeneratedFile file : files) {
        SampleTable<?> table = table(file.table());
        String key = table.entity().joinKey();
        String source = "read_parquet('" + file.path() + "')";
        assertThat(reader.number("SELECT count(*) FROM " + source)).isEqualTo(file.rows());
        long entities = table.entity().count(options(500, 42, shared));
        assertThat(reader.number("SELECT count(DISTINCT " + key + ") FROM " + source))
            .as(file.table())
            .isEqualTo(entities);
        // Zero-padded ids sort like numbers: the range shows every id is user_00001..user_00500.
        assertThat(reader.rows("SELECT min(" + key + "), max(" + key + ") FROM " + source))
            .containsExactly(table.entity().id(1) + "|" + table.entity().id(entities));
        // A correction adds one row to the entity's usual count.
        assertThat(
                reader.rows(
                    "SELECT min(n), max(n) FROM (SELECT count(*) n FROM "
                        + source
                        + " GROUP BY "
                        + key
                        + ")"))
            .singleElement()
            .satisfies(
                minMax -> {
                  String[] parts = minMax.split("\\|");
                  assertThat(Long.parseLong(parts[0])).isGreaterThanOrEqualTo(table.minRows());
                  assertThat(Long.parseLong(parts[1])).isLessThanOrEqualTo(table.maxRows() + 1);
                });
      }
      assertThat(
              reader.number(
                  "SELECT count(*) FROM read_parquet('"
                      + shared.resolve("user_demographics.parquet")
                      + "') WHERE user_id = 'user_00042'"))
          .isPositive();
    }
  }

  @Test
  void columnNamesAndTypesMatchTheFeatureRepository() throws Exception {
    try (ParquetReader reader = new ParquetReader()) {
      for (GeneratedFile file : files) {
        assertThat(reader.schema(file.path()))
            .as(file.table())
            .containsExactlyEntriesOf(SchemaTable.EXPECTED.get(file.table()));
      }
    }
  }

  @Test
  void timestampsStayInsideTheHistoryWindowAndTiesDifferInCreated() throws Exception {
    try (ParquetReader reader = new ParquetReader()) {
      for (GeneratedFile file : files) {
        String key = table(file.table()).entity().joinKey();
        String source = "read_parquet('" + file.path() + "')";
        assertThat(
                reader.number(
                    "SELECT count(*) FROM "
                        + source
                        + " WHERE event_timestamp >= TIMESTAMPTZ '"
                        + NOW
                        + "' OR event_timestamp < TIMESTAMPTZ '"
                        + NOW.minusSeconds(30 * 86_400)
                        + "' OR created <= event_timestamp OR created >= TIMESTAMPTZ '"
                        + NOW
                        + "'"))
            .as(file.table())
            .isZero();
        assertThat(
                reader.number(
                    "SELECT count(*) FROM (SELECT "
                        + key
                        + ", event_timestamp, created FROM "
                        + source
                        + " GROUP BY ALL HAVING count(*) > 1)"))
            .as(file.table() + ": rows equal on both timestamps")
            .isZero();
        assertThat(
                reader.number(
                    "SELECT count(*) FROM "
                        + source
                        + " WHERE "
                        + key
                        + " IS NULL OR event_timestamp IS NULL OR created IS NULL"))
            .isZero();
      }
      String behavior = "read_parquet('" + shared.resolve("user_order_behavior.parquet") + "')";
      assertThat(
              reader.number(
                  "SELECT count(*) FROM (SELECT user_id, event_timestamp FROM "
                      + behavior
                      + " GROUP BY ALL HAVING count(*) > 1)"))
          .as("corrections: same event time, later created")
          .isPositive();
    }
  }

  @Test
  void newestVelocityRowIsFreshForTheTwoDayTtl() throws Exception {
    try (ParquetReader reader = new ParquetReader()) {
      String velocity =
          "read_parquet('" + shared.resolve("user_transaction_velocity.parquet") + "')";
      assertThat(
              reader.number(
                  "SELECT count(*) FROM (SELECT user_id, max(event_timestamp) newest FROM "
                      + velocity
                      + " GROUP BY user_id) WHERE newest < TIMESTAMPTZ '"
                      + NOW.minusSeconds(6 * 3600)
                      + "'"))
          .isZero();
    }
  }

  @Test
  void someFeatureValuesAreNullAndValuesArePlausible() throws Exception {
    try (ParquetReader reader = new ParquetReader()) {
      String users = "read_parquet('" + shared.resolve("user_credit_profile.parquet") + "')";
      String demographics = "read_parquet('" + shared.resolve("user_demographics.parquet") + "')";
      assertThat(
              reader.number(
                  "SELECT count(*) FROM "
                      + users
                      + " WHERE credit_score IS NULL OR credit_limit IS NULL"
                      + " OR utilization_ratio IS NULL OR open_loans IS NULL"))
          .isPositive();
      assertThat(
              reader.rows(
                  "SELECT min(credit_score) >= 300, max(credit_score) <= 850,"
                      + " min(utilization_ratio) >= 0, max(utilization_ratio) <= 1 FROM "
                      + users))
          .containsExactly("true|true|true|true");
      assertThat(
              reader.rows(
                  "SELECT min(age) >= 18, max(age) <= 75, min(account_age_days) >= 0 FROM "
                      + demographics))
          .containsExactly("true|true|true");
    }
  }

  @Test
  void rejectsImpossibleOptions() {
    assertThatThrownBy(() -> options(0, 42, shared))
        .isInstanceOf(FeatureStoreException.class)
        .extracting(e -> ((FeatureStoreException) e).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThatThrownBy(() -> new SampleDataOptions(10, 10, 10, 42, 0, NOW, shared))
        .hasMessageContaining("history days");
  }

  @Test
  void idsArePaddedAndNeverTruncated() {
    assertThat(SampleEntity.USER.id(42)).isEqualTo("user_00042");
    assertThat(SampleEntity.USER.id(1_234_567)).isEqualTo("user_1234567");
    assertThat(SampleEntity.MERCHANT.id(7)).isEqualTo("merchant_0007");
    assertThat(SampleEntity.DEVICE.id(123)).isEqualTo("device_000123");
  }

  @Test
  void hundredThousandUsersTakeSeconds(@TempDir Path dir) {
    long started = System.nanoTime();
    List<GeneratedFile> big =
        new SampleDataGenerator(SampleDataListener.NONE)
            .generate(new SampleDataOptions(100_000, 500, 120_000, 42, 30, NOW, dir));
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(big.get(0).rows()).isGreaterThanOrEqualTo(100_000);
    // Generous for slow CI machines; a laptop does it in a few seconds.
    assertThat(seconds).isLessThan(30);
  }

  private static String sortedRows(Path file) {
    return sortedRows(file, "");
  }

  private static String sortedRows(Path file, String where) {
    return "SELECT * FROM read_parquet('" + file + "')" + where + " ORDER BY ALL";
  }

  private static SampleTable<?> table(String name) {
    return SampleTables.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}
