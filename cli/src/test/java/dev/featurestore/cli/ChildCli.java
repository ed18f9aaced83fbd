package dev.featurestore.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The featurestore command in its own JVM, so a test can kill it the hard way (SIGKILL: no shutdown
 * hook, no flush) as a crashed or OOM-killed container would be.
 */
final class ChildCli implements AutoCloseable {
  private final Process process;
  private final Path log;

  private ChildCli(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static ChildCli start(Path log, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "dev.featurestore.cli.FeatureStoreCommand"));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
      return new ChildCli(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String output() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the output shows {@code text} (appearing after {@code skip} chars). */
  void awaitOutput(String text, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!output().contains(text)) {
      if (!process.isAlive()) {
        throw new AssertionError("the child exited with " + process.exitValue() + " before printing '" + text
            + "':\n" + output());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no '" + text + "' after " + timeout + ":\n" + output());
      }
      Thread.sleep(50);
    }
  }

  /** SIGKILL, then waits for the process to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM: the command's shutdown hook stops it cleanly. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
