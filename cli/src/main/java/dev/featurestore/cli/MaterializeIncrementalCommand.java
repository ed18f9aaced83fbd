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
 * {@code featurestore materialize-incremental END_TS [--views V]...}: materializes each view from
 * where its last run ended up to END_TS, like {@code feast materialize-incremental}.
 */
@Command(
    name = "materialize-incremental",
    mixinStandardHelpOptions = true,
    description = {
      "Load new feature values up to END_TS into the online store: each view starts where its"
          + " last materialization ended (or at now - ttl the first time).",
      "END_TS is ISO 8601, e.g. 2021-07-16T19:20:01; without an offset it is UTC."
    })
final class MaterializeIncrementalCommand implements Callable<Integer> {
  @ParentCommand FeatureStoreCommand root;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "END_TS", converter = IsoInstantConverter.class,
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
              .materializeIncremental(session.config().project(), end, views);
      MaterializationSession.printSummary(out, result, started);
    }
    return 0;
  }
}
