package dev.featurestore.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code featurestore version}: this build's version and the Feast release it is compatible with. */
@Command(name = "version", description = "Print the version.", mixinStandardHelpOptions = true)
final class VersionCommand implements Callable<Integer> {
  /** The Feast release whose formats this build reproduces (see docs/ARCHITECTURE.md). */
  static final String FEAST_COMPATIBLE = "0.66";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(new Provider().getVersion()[0]);
    return 0;
  }

  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = FeatureStoreCommand.class.getPackage().getImplementationVersion();
      return new String[] {
        "featurestore " + (version == null ? "dev" : version) + " (Feast " + FEAST_COMPATIBLE + " compatible)"
      };
    }
  }
}
