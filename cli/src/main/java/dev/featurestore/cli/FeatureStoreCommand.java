package dev.featurestore.cli;

import dev.featurestore.cli.init.InitCommand;
import dev.featurestore.cli.registry.RegistryCommand;
import dev.featurestore.cli.sample.GenerateDataCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code featurestore} command. Like {@code feast}, it works on the repository in {@code -c}. */
@Command(
    name = "featurestore",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "A Feast-compatible feature store: register, materialize and serve features.",
    subcommands = {
      PlanCommand.class,
      ApplyCommand.class,
      TeardownCommand.class,
      RegistryDumpCommand.class,
      MaterializeCommand.class,
      MaterializeIncrementalCommand.class,
      ScheduleCommand.class,
      StreamCommand.class,
      GetHistoricalFeaturesCommand.class,
      ServeCommand.class,
      UpCommand.class,
      UiCommand.class,
      RegistryCommand.class,
      InitCommand.class,
      GenerateDataCommand.class,
      VersionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class FeatureStoreCommand implements Runnable {

  @Option(
      names = {"-c", "--chdir"},
      description = "Feature repository folder (default: the current directory).",
      scope = ScopeType.INHERIT)
  Path chdir;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print stack traces on errors.",
      scope = ScopeType.INHERIT)
  boolean verbose;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The repository folder the subcommands work on. */
  Path repoDir() {
    return (chdir == null ? Path.of("") : chdir).toAbsolutePath().normalize();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with the given output streams; returns the exit code. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    FeatureStoreCommand root = new FeatureStoreCommand();
    CommandLine commandLine = new CommandLine(root);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(new CliErrorHandler(root));
    int exitCode = commandLine.execute(args);
    out.flush();
    err.flush();
    return exitCode;
  }
}
