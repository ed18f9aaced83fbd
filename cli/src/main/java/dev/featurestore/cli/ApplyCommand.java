package dev.featurestore.cli;

import dev.featurestore.registry.apply.ObjectDiff;
import dev.featurestore.registry.apply.RegistryPlan;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code featurestore apply}: registers the repository's definitions in one transaction, like
 * {@code feast apply}; a failure leaves the registry as it was.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = "Register the repository's definitions in the registry (one transaction).")
final class ApplyCommand implements Callable<Integer> {
  @ParentCommand FeatureStoreCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    long started = System.nanoTime();
    try (RepoWorkspace workspace = RepoWorkspace.open(root.repoDir(), spec.commandLine().getErr())) {
      var contents = workspace.loadDefinitions();
      out.println("Applying changes for project " + contents.project().name());
      RegistryPlan plan = workspace.applier().apply(contents);
      out.print(plan.toFeastString());
      out.printf(
          "%d created, %d updated, %d deleted, %d unchanged in %d ms%n",
          plan.diffs(ObjectDiff.Transition.CREATE).size(),
          plan.diffs(ObjectDiff.Transition.UPDATE).size(),
          plan.diffs(ObjectDiff.Transition.DELETE).size(),
          plan.diffs(ObjectDiff.Transition.UNCHANGED).size(),
          (System.nanoTime() - started) / 1_000_000);
      out.flush();
    }
    return 0;
  }
}
