package dev.featurestore.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs the featurestore command in-process like {@link CliRun}, with the materialize commands
 * registered here until FeatureStoreCommand lists them itself.
 */
final class MaterializeCli {

  private MaterializeCli() {}

  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    FeatureStoreCommand root = new FeatureStoreCommand();
    CommandLine commandLine = new CommandLine(root);
    if (!commandLine.getSubcommands().containsKey("materialize")) {
      commandLine.addSubcommand(new MaterializeCommand());
    }
    if (!commandLine.getSubcommands().containsKey("materialize-incremental")) {
      commandLine.addSubcommand(new MaterializeIncrementalCommand());
    }
    PrintWriter outWriter = new PrintWriter(out);
    PrintWriter errWriter = new PrintWriter(err);
    commandLine.setOut(outWriter);
    commandLine.setErr(errWriter);
    commandLine.setExecutionExceptionHandler(new CliErrorHandler(root));
    int exitCode = commandLine.execute(args);
    outWriter.flush();
    errWriter.flush();
    return new CliRun(exitCode, out.toString(), err.toString());
  }
}
