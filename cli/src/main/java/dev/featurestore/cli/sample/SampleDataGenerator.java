package dev.featurestore.cli.sample;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes the synthetic Parquet files the sample BNPL repository (feature_repo/) reads: one file per
 * feature view, named after the view.
 *
 * <p>Deterministic: equal {@link SampleDataOptions} give equal rows, and each entity's rows depend
 * only on the seed and its id. Memory stays bounded for any number of entities: rows are drawn one
 * entity at a time and appended to a DuckDB table, then copied to Parquet; DuckDB runs under a
 * memory limit and spills to a scratch folder beside the output once a table outgrows it (2 million
 * users: about 600 MB resident, a minute). Each file is written under a temporary name and moved
 * into place, so readers never see a half-written file.
 *
 * <p>Not thread-safe; a generator may run several times, one run at a time.
 */
public final class SampleDataGenerator {
  /** How many entities pass between two progress reports. */
  public static final long PROGRESS_STEP = 100_000;

  /** DuckDB's own default is 80% of the machine's memory, too greedy beside a running server. */
  private static final String MEMORY_LIMIT = "512MB";

  private final SampleDataListener listener;

  public SampleDataGenerator(SampleDataListener listener) {
    this.listener = requireNonNull(listener, "listener is null");
  }

  /** The file names this generator writes, e.g. {@code user_demographics.parquet}. */
  public static List<String> fileNames() {
    return SampleTables.all().stream().map(t -> t.name() + ".parquet").toList();
  }

  /**
   * Writes every file into {@code options.outputDir()}, replacing files of the same name.
   *
   * @return the files written, in order
   * @throws FeatureStoreException INTERNAL when the folder cannot be written or DuckDB fails
   */
  public List<GeneratedFile> generate(SampleDataOptions options) {
    requireNonNull(options, "options is null");
    Path outputDir = options.outputDir().toAbsolutePath().normalize();
    Path workDir = null;
    try {
      Files.createDirectories(outputDir);
      workDir = Files.createTempDirectory(outputDir, ".generate-data-");
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("SET temp_directory = '" + sqlString(workDir) + "'");
          statement.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
        }
        List<GeneratedFile> files = new ArrayList<>();
        for (SampleTable<?> table : SampleTables.all()) {
          GeneratedFile file = writeTable(connection, table, options, outputDir);
          listener.onFileWritten(file);
          files.add(file);
        }
        return List.copyOf(files);
      }
    } catch (SQLException | IOException e) {
      throw new FeatureStoreException(
          ErrorCode.INTERNAL,
          "cannot write sample data to " + outputDir + ": " + e.getMessage(),
          e);
    } finally {
      deleteQuietly(workDir);
    }
  }

  private GeneratedFile writeTable(
      Connection connection, SampleTable<?> table, SampleDataOptions options, Path outputDir)
      throws SQLException, IOException {
    long started = System.nanoTime();
    String name = table.name();
    long rows;
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE OR REPLACE TABLE " + name + " (" + columnList(table) + ")");
      try (DuckDBAppender appender =
          connection.unwrap(DuckDBConnection.class).createAppender(name)) {
        rows = new SampleTableWriter(options, listener, appender).write(table);
      }
      Path target = outputDir.resolve(name + ".parquet");
      Path partial = outputDir.resolve(name + ".parquet.partial");
      try {
        statement.execute("COPY " + name + " TO '" + sqlString(partial) + "' (FORMAT parquet)");
        Files.move(
            partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
      statement.execute("DROP TABLE " + name);
      return new GeneratedFile(name, target, rows, Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private static String columnList(SampleTable<?> table) {
    return table.columns().stream()
        .map(c -> c.name() + " " + c.sqlType())
        .collect(Collectors.joining(", "));
  }

  private static String sqlString(Path path) {
    return path.toString().replace("'", "''");
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A leftover hidden scratch folder is harmless; the files themselves are in place.
    }
  }
}
