package dev.featurestore.cli;

import dev.featurestore.adminui.AdminConsoleConfig;
import dev.featurestore.registry.apply.ObjectDiff;
import dev.featurestore.registry.apply.RegistryPlan;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code featurestore up}: the whole product in one process on a repository: apply, materialize
 * what is new up to now, then serve it, keep materializing on the {@code materializer:} schedule and
 * run the console wired to both (jobs, lookups, serving metrics). What {@code make up} runs on the sample
 * repository.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = "Apply the repository, materialize new data up to now, then serve it (REST, gRPC, console).")
final class UpCommand implements Callable<Integer> {
  @ParentCommand FeatureStoreCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--rest-port", description = "REST port (overrides server.rest_port).")
  Integer restPort;

  @Option(names = "--grpc-port", description = "gRPC port (overrides server.grpc_port).")
  Integer grpcPort;

  @Option(names = "--ui-port", description = "Console port (overrides server.console.port).")
  Integer uiPort;

  @Option(names = "--no-ui", description = "Do not start the admin console.")
  boolean noUi;

  @Override
  public Integer call() throws InterruptedException {
    var out = spec.commandLine().getOut();
    try (MaterializationSession session = MaterializationSession.open(root.repoDir(), spec.commandLine().getErr())) {
      RegistryPlan plan = session.workspace().applier().apply(session.workspace().loadDefinitions());
      out.printf("Applied project %s: %d created, %d updated, %d deleted, %d unchanged%n",
          plan.project(),
          plan.diffs(ObjectDiff.Transition.CREATE).size(),
          plan.diffs(ObjectDiff.Transition.UPDATE).size(),
          plan.diffs(ObjectDiff.Transition.DELETE).size(),
          plan.diffs(ObjectDiff.Transition.UNCHANGED).size());
      long started = System.nanoTime();
      var result = session.engine(session.progress(out))
          .materializeIncremental(session.config().project(), Instant.now(), List.of());
      MaterializationSession.printSummary(out, result, started);
      Optional<AdminConsoleConfig> console =
          noUi ? Optional.empty() : Optional.of(UiCommand.consoleConfig(session.workspace(), uiPort));
      try (UpStack stack = UpStack.start(session, restPort, grpcPort, console, out)) {
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "featurestore-shutdown"));
        stack.awaitTermination();
      }
    }
    return 0;
  }
}
