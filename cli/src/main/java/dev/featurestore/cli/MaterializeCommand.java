package dev.featurestore.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code featurestore materialize START_TS END_TS [--views V]...}: copies the latest values of the
 * window from the offline store into the online store, like {@code feast materialize}.
 */
@Command(
    name = "materialize",
    mixinStandardHelpOptions = true,
    description = {
      "Load the latest feature values between START_TS and END_TS from the offline store into"
          + " the online store, and record the interval in the registry.",
      "Times are ISO 8601, e.g. 2021-07-16T19:20:01; without an offset they are UTC."
    })
final class MaterializeCommand implements Callable<Integer> {
  @ParentCommand FeatureStoreCommand root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "START_TS", converter = IsoInstantConverter.class,
      description = "Start of the window (inclusive).")
  Instant start;

  @Parameters(index = "1", paramLabel = "END_TS", converter = IsoInstantConverter.class,
      description = "End of the window (inclusive).")
  Instant end;

  @Option(names = "--views", split = ",", paramLabel = "VIEW",
      description = "Feature views to materialize (repeatable); default: every online view.")
  List<String> views = new ArrayList<>();

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    long started = System.nanoTime();
    try (MaterializationSession session =
        MaterializationSession.open(root.repoDir(), spec.commandLine().getErr())) {
      var result =
          session
              .engine(session.progress(out))
              .materialize(session.config().project(), views, start, end);
      MaterializationSession.printSummary(out, result, started);
    }
    return 0;
  }
}
