package dev.featurestore.cli;

import dev.featurestore.adminui.AdminConsole;
import dev.featurestore.adminui.AdminConsoleConfig;
import dev.featurestore.adminui.ConsoleBackends;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code featurestore ui}: the operator console on the repository's registry, until interrupted. */
@Command(
    name = "ui",
    mixinStandardHelpOptions = true,
    description = "Run the admin console (default port 8080; users in server.console of feature_store.yaml).")
final class UiCommand implements Callable<Integer> {
  @ParentCommand FeatureStoreCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--port", description = "Console port (overrides server.console.port; 0 = any free port).")
  Integer port;

  @Override
  public Integer call() throws InterruptedException {
    try (RepoWorkspace workspace = RepoWorkspace.open(root.repoDir(), spec.commandLine().getErr());
        AdminConsole console = startConsole(workspace, port, spec.commandLine().getOut())) {
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "featurestore-ui-shutdown"));
      stopped.await();
    }
    return 0;
  }

  /** Starts a console on the registry alone: jobs, lookups and metrics say "not connected". */
  static AdminConsole startConsole(RepoWorkspace workspace, Integer port, java.io.PrintWriter out) {
    return startConsole(workspace, consoleConfig(workspace, port), ConsoleBackends.notConnected(), out);
  }

  /** {@code server.console} of feature_store.yaml, with {@code port} instead when not null. */
  static AdminConsoleConfig consoleConfig(RepoWorkspace workspace, Integer port) {
    AdminConsoleConfig config = AdminConsoleConfig.fromRepoConfig(workspace.config());
    return port == null ? config : config.withPort(port);
  }

  /** Starts the console and prints where it listens (shared with {@code up}). */
  static AdminConsole startConsole(RepoWorkspace workspace, AdminConsoleConfig config, ConsoleBackends backends,
      java.io.PrintWriter out) {
    AdminConsole console = AdminConsole.start(
        config, workspace.store(), workspace.config().project(), backends, java.time.Clock.systemUTC());
    out.printf("Console for project %s: http://%s:%d%n", workspace.config().project(), config.host(), console.port());
    out.flush();
    return console;
  }
}
