package dev.featurestore.cli;

import dev.featurestore.cli.sample.SampleDataGenerator;
import dev.featurestore.cli.sample.SampleDataListener;
import dev.featurestore.cli.sample.SampleDataOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

/** Copies of the repositories the tests apply, in fresh folders. */
final class TestRepos {
  /** Maven runs tests in the module folder. */
  static final Path SAMPLE = Path.of("..", "feature_repo");
  static final Path FEAST_INIT = Path.of("..", "registry", "src", "test", "resources", "repos", "feast_init");

  private TestRepos() {}

  /** The sample BNPL repository with a small generated data set. */
  static Path sample(Path into) {
    Path repo = copy(SAMPLE, into.resolve("feature_repo"));
    SampleDataOptions defaults = SampleDataOptions.defaults(repo.resolve("data"));
    SampleDataOptions small = new SampleDataOptions(
        200, 20, 40, defaults.seed(), 3, defaults.now(), defaults.outputDir());
    new SampleDataGenerator(SampleDataListener.NONE).generate(small);
    return repo;
  }

  /** A repository laid out as Feast 0.66's `feast init` writes it, with its Parquet file. */
  static Path feastInit(Path into) {
    Path repo = copy(FEAST_INIT, into.resolve("feast_init"));
    Path parquet = repo.resolve("data").resolve("driver_stats.parquet");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      Files.createDirectories(parquet.getParent());
      statement.execute("COPY (SELECT 1001::BIGINT AS driver_id, 0.5::FLOAT AS conv_rate,"
          + " 0.9::FLOAT AS acc_rate, 10::BIGINT AS avg_daily_trips,"
          + " TIMESTAMPTZ '2024-01-15 12:00:00+00' AS event_timestamp,"
          + " TIMESTAMPTZ '2024-01-15 12:00:00+00' AS created) TO '" + parquet + "' (FORMAT parquet)");
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(e);
    }
    return repo;
  }

  static Path copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path relative = from.relativize(source);
        if (relative.getNameCount() > 0 && relative.getName(0).toString().equals("data")) {
          continue; // generated data and registries of a developer's own runs
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
