package dev.featurestore.cli.registry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code featurestore registry}: operations on a registry as a whole, not on one repository. */
@Command(
    name = "registry",
    mixinStandardHelpOptions = true,
    description = "Operations on whole registries (see also registry-dump).",
    subcommands = {RegistryMigrateCommand.class})
public final class RegistryCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
