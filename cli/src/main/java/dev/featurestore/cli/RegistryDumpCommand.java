package dev.featurestore.cli;

import dev.featurestore.registry.dump.RegistryJson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code featurestore registry-dump}: the project's registry as JSON, like Feast's. */
@Command(
    name = "registry-dump",
    mixinStandardHelpOptions = true,
    description = "Print the project's registry contents as JSON.")
final class RegistryDumpCommand implements Callable<Integer> {
  @ParentCommand FeatureStoreCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (RepoWorkspace workspace = RepoWorkspace.open(root.repoDir(), spec.commandLine().getErr())) {
      spec.commandLine().getOut().print(RegistryJson.toJson(workspace.store().read(workspace.config().project())));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
