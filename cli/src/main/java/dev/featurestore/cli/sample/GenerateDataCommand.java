package dev.featurestore.cli.sample;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code featurestore generate-data}: writes the sample repository's Parquet files. */
@Command(
    name = "generate-data",
    description = {
      "Generates deterministic synthetic BNPL data for the sample feature repository:",
      "one Parquet file per feature view, several rows per entity over the last --days days."
    })
public final class GenerateDataCommand implements Callable<Integer> {
  /** Below this many users a run takes a second or two; progress lines would only be noise. */
  private static final long PROGRESS_THRESHOLD = 200_000;

  @Option(
      names = "--users",
      defaultValue = "10000",
      description = "Users (default: ${DEFAULT-VALUE}).")
  long users;

  @Option(
      names = "--merchants",
      defaultValue = "500",
      description = "Merchants (default: ${DEFAULT-VALUE}).")
  long merchants;

  @Option(names = "--devices", description = "Devices (default: 1.2 x users).")
  Long devices;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--days",
      defaultValue = "30",
      description = "Days of history before --now (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--now",
      converter = InstantConverter.class,
      paramLabel = "TIME",
      description = {
        "Every timestamp is before this instant: a date (2024-06-01, midnight UTC) or an",
        "ISO-8601 date-time (UTC unless it has an offset). Default: today at 00:00 UTC."
      })
  Instant now;

  @Option(
      names = "--output",
      defaultValue = "data",
      paramLabel = "DIR",
      description = "Output folder, relative to the repository (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description = "Feature repository folder (default: -c/--chdir, else the current folder).")
  Path repo;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    SampleDataOptions options =
        new SampleDataOptions(
            users,
            merchants,
            devices == null ? SampleDataOptions.defaultDevices(users) : devices,
            seed,
            days,
            now == null ? SampleDataOptions.startOfTodayUtc() : now,
            repoDir().resolve(output).normalize());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    out.printf(
        "Generating %,d users, %,d merchants, %,d devices, seed %d, %d days before %s%n",
        options.users(),
        options.merchants(),
        options.devices(),
        options.seed(),
        options.historyDays(),
        options.now());
    out.flush();
    long started = System.nanoTime();
    new SampleDataGenerator(new ConsoleListener(out, err)).generate(options);
    out.printf(Locale.ROOT, "Done in %.1f s%n", (System.nanoTime() - started) / 1e9);
    out.flush();
    return 0;
  }

  /**
   * --repo when given, else the parent command's inherited -c/--chdir when there is one; looked up
   * by name so this class does not depend on the parent command.
   */
  private Path repoDir() {
    if (repo != null) {
      return repo.toAbsolutePath();
    }
    OptionSpec chdir = spec.findOption("--chdir");
    Object value = chdir == null ? null : chdir.getValue();
    return (value instanceof Path path ? path : Path.of("")).toAbsolutePath();
  }

  /** One line per finished file; progress on stderr for big runs only. */
  private record ConsoleListener(PrintWriter out, PrintWriter err) implements SampleDataListener {
    @Override
    public void onProgress(String table, long entitiesDone, long entitiesTotal) {
      // About ten lines per table, whatever the size.
      long step = SampleDataGenerator.PROGRESS_STEP;
      long every = Math.max(step, (entitiesTotal / 10 + step - 1) / step * step);
      if (entitiesTotal >= PROGRESS_THRESHOLD
          && (entitiesDone % every == 0 || entitiesDone == entitiesTotal)) {
        err.printf(
            Locale.ROOT,
            "  %s: %,d / %,d entities (%d%%)%n",
            table,
            entitiesDone,
            entitiesTotal,
            entitiesDone * 100 / entitiesTotal);
        err.flush();
      }
    }

    @Override
    public void onFileWritten(GeneratedFile file) {
      out.printf(
          Locale.ROOT,
          "%-26s %,12d rows  %s  %.2f s%n",
          file.table(),
          file.rows(),
          file.path(),
          file.elapsed().toNanos() / 1e9);
      out.flush();
    }
  }

  /** Accepts a date (midnight UTC), a date-time with an offset, or a date-time taken as UTC. */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notADate) {
        // try the next form
      }
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException noOffset) {
        // try the next form
      }
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a date (2024-06-01) or ISO-8601 date-time");
      }
    }
  }
}
