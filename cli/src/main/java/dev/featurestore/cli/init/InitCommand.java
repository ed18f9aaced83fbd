package dev.featurestore.cli.init;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code featurestore init NAME}: a new feature repository in folder NAME (under {@code -c} when
 * given), ready for {@code featurestore -c NAME apply}, like {@code feast init} but flat: the
 * repository is NAME itself, not NAME/feature_repo.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Create a feature repository NAME/ with an example entity, source, feature view and"
            + " feature service, generated sample data and an embedded feature_store.yaml.")
public final class InitCommand implements Callable<Integer> {
  /** Feast's is_valid_name: word characters and hyphens, not starting with '_' or '-'. */
  private static final Pattern FEAST_NAME = Pattern.compile("[\\w&&[^_]][\\w-]*", Pattern.UNICODE_CHARACTER_CLASS);

  @Parameters(index = "0", paramLabel = "NAME", description = "Project name, also the folder to create.")
  String name;

  @Spec CommandSpec spec;

  private final Clock clock;

  public InitCommand() {
    this(Clock.systemUTC());
  }

  InitCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    checkName(name);
    Path repo = parentDir().resolve(name).normalize();
    boolean created = prepareFolder(repo);
    try {
      RepoTemplate.write(repo, name);
      Path data = Files.createDirectories(repo.resolve("data"));
      int rows = InitSampleData.write(data, startOfToday());
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Created feature repository %s in %s%n", name, repo);
      out.printf("  wrote %d rows of sample data to data/%s%n", rows, InitSampleData.FILE_NAME);
      out.printf("Next: featurestore -c %s apply%n", parentDir().equals(Path.of("").toAbsolutePath()) ? name : repo);
      out.flush();
      return 0;
    } catch (IOException e) {
      cleanUp(created, repo);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      cleanUp(created, repo);
      throw e;
    }
  }

  static void checkName(String name) {
    if (!FEAST_NAME.matcher(name).matches()) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_ARGUMENT,
          "project name '" + name + "' must contain only letters, digits, underscores and hyphens,"
              + " and must not start with an underscore or a hyphen");
    }
    if (name.contains("-")) {
      // The SQLite online store of the new repository embeds the project in table names.
      throw new FeatureStoreException(
          ErrorCode.INVALID_ARGUMENT,
          "project name '" + name + "' must not contain hyphens with the sqlite online store; try '"
              + name.replace('-', '_') + "'");
    }
  }

  /** Creates the folder, or accepts an empty one; returns whether it was created here. */
  private static boolean prepareFolder(Path repo) {
    try {
      if (Files.isDirectory(repo)) {
        try (Stream<Path> entries = Files.list(repo)) {
          if (entries.findAny().isPresent()) {
            throw new FeatureStoreException(
                ErrorCode.INVALID_ARGUMENT,
                "folder " + repo + " already exists and is not empty; choose another name or remove it");
          }
        }
        return false;
      }
      if (Files.exists(repo)) {
        throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, repo + " already exists and is not a folder");
      }
      Files.createDirectories(repo);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Instant startOfToday() {
    return clock.instant().atZone(ZoneOffset.UTC).toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The inherited -c/--chdir when there is one, looked up by name (no dependency on the parent). */
  private Path parentDir() {
    OptionSpec chdir = spec.findOption("--chdir");
    Object value = chdir == null ? null : chdir.getValue();
    return (value instanceof Path path ? path : Path.of("")).toAbsolutePath().normalize();
  }

  /** Removes a half-written repository, but never a folder the user had made. */
  private static void cleanUp(boolean created, Path root) {
    if (!created) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: the error being reported matters more than leftovers.
    }
  }
}
