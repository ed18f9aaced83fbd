package dev.featurestore.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code featurestore serve}: the online feature server (Feast's gRPC ServingService, Feast's REST
 * JSON and the product API) on the repository's registry and online store, until interrupted.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve online features over REST (default 8000) and gRPC (default 50051).")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand FeatureStoreCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--rest-port", description = "REST port (overrides server.rest_port; 0 = any free port).")
  Integer restPort;

  @Option(names = "--grpc-port", description = "gRPC port (overrides server.grpc_port; 0 = any free port).")
  Integer grpcPort;

  @Override
  public Integer call() throws InterruptedException {
    try (MaterializationSession session = MaterializationSession.open(root.repoDir(), spec.commandLine().getErr())) {
      ServerRunner.serve(session, restPort, grpcPort, spec.commandLine().getOut());
    }
    return 0;
  }
}
