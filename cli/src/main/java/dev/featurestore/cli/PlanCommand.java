package dev.featurestore.cli;

import dev.featurestore.registry.apply.RegistryPlan;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code featurestore plan}: what {@code apply} would change, like {@code feast plan}. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Show what apply would create, update and delete in the registry.")
final class PlanCommand implements Callable<Integer> {
  @ParentCommand FeatureStoreCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (RepoWorkspace workspace = RepoWorkspace.open(root.repoDir(), spec.commandLine().getErr())) {
      RegistryPlan plan = workspace.applier().plan(workspace.loadDefinitions());
      out.print(plan.toFeastString());
      out.flush();
    }
    return 0;
  }
}
