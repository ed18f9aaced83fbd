package dev.featurestore.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Our {@code featurestore} command run from the built cli jar in a JVM of its own, so that our
 * classes (whose generated protos share Feast's {@code feast.proto.*} names) never meet Feast's
 * client on one class path. Output goes to a log file that failures quote.
 */
final class FeatureStoreProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Process process;
  private final Path log;
  private final Thread reaper;
  final int restPort;
  final int grpcPort;

  private FeatureStoreProcess(Process process, Path log, int restPort, int grpcPort) {
    this.process = process;
    this.log = log;
    this.restPort = restPort;
    this.grpcPort = grpcPort;
    // If the test JVM dies without closing us, do not leave a server behind.
    this.reaper = new Thread(process::destroyForcibly, "featurestore-serve-reaper");
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** Runs {@code featurestore -c repo <args>} to completion; fails with its output if it fails. */
  static void run(Path repo, String... args) throws IOException, InterruptedException {
    Path log = Files.createTempFile(repo, "featurestore-", ".log");
    Process process = builder(repo, log, args).start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("featurestore " + String.join(" ", args) + " did not finish:\n" + Files.readString(log));
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("featurestore " + String.join(" ", args) + " exited with " + process.exitValue() + ":\n"
          + Files.readString(log));
    }
  }

  /** Starts {@code featurestore serve} on free ports and returns once {@code /health} answers 200. */
  static FeatureStoreProcess serve(Path repo) throws IOException, InterruptedException {
    int rest = freePort();
    int grpc = freePort();
    Path log = repo.resolve("serve.log");
    Process process = builder(repo, log, "serve", "--rest-port", Integer.toString(rest), "--grpc-port",
        Integer.toString(grpc)).start();
    FeatureStoreProcess server = new FeatureStoreProcess(process, log, rest, grpc);
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        server.close();
        throw new AssertionError("featurestore serve exited with " + process.exitValue() + ":\n" + server.output());
      }
      try {
        HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rest + "/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return server;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    server.close();
    throw new AssertionError("featurestore serve was not healthy within " + START_TIMEOUT + ":\n" + server.output());
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProcessBuilder builder(Path repo, Path log, String... args) {
    String jar = System.getProperty("featurestore.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("system property featurestore.jar must name the built cli jar, got " + jar
          + " (run through Maven: mvn -pl interop-tests -am verify)");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", jar, "-c", repo.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // already shutting down
    }
  }
}
