package dev.featurestore.cli;

import dev.featurestore.core.error.FeatureStoreException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The CLI's one place that turns exceptions into output and exit codes: a one-line error, the stack
 * trace only with {@code --verbose}. Exit codes: 2 bad input, 3 not found, 4 unavailable, 1 other.
 */
final class CliErrorHandler implements IExecutionExceptionHandler {
  private final FeatureStoreCommand root;

  CliErrorHandler(FeatureStoreCommand root) {
    this.root = root;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
    commandLine.getErr().println("Error: " + message(e));
    if (root.verbose) {
      e.printStackTrace(commandLine.getErr());
    }
    commandLine.getErr().flush();
    return exitCode(e);
  }

  static int exitCode(Throwable e) {
    if (e instanceof FeatureStoreException fse) {
      return switch (fse.code().category()) {
        case USER_ERROR -> 2;
        case NOT_FOUND -> 3;
        case UNAVAILABLE -> 4;
        case CONFLICT, UNAUTHENTICATED, INTERNAL -> 1;
      };
    }
    return 1;
  }

  private static String message(Throwable e) {
    if (e instanceof FeatureStoreException) {
      return e.getMessage();
    }
    String text = e.getMessage();
    return e.getClass().getSimpleName() + (text == null ? "" : ": " + text);
  }
}
