package dev.featurestore.cli;

import dev.featurestore.registry.apply.RegistryPlan;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code featurestore teardown}: removes the project's objects from the registry. */
@Command(
    name = "teardown",
    mixinStandardHelpOptions = true,
    description = "Delete every object of the repository's project from the registry.")
final class TeardownCommand implements Callable<Integer> {
  @ParentCommand FeatureStoreCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    try (RepoWorkspace workspace = RepoWorkspace.open(root.repoDir(), spec.commandLine().getErr())) {
      String project = workspace.config().project();
      RegistryPlan plan = workspace.applier().teardown(project);
      if (plan.diffs().isEmpty()) {
        out.println("Project " + project + " is not in the registry; nothing to tear down");
      } else {
        out.print(plan.toFeastString());
        out.println("Project " + project + " torn down: " + plan.diffs().size() + " objects deleted");
      }
      out.flush();
    }
    return 0;
  }
}
