package dev.featurestore.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One long-running server process, tied to the life of this JVM.
 *
 * <p>The server runs under a small {@code sh} watchdog whose stdin is a pipe from the JVM. Closing
 * the pipe (our {@link #stop}) or the JVM dying for any reason, even {@code kill -9}, gives the
 * watchdog end-of-file, and it sends the server its graceful stop signal. So servers never outlive
 * the test run, and stopping does not depend on how {@code runuser} forwards signals.
 */
final class ServerProcess {
  // $1 = signal, rest = server command. fd 3 keeps the JVM pipe for the watcher only.
  private static final String WATCHDOG =
      String.join(
          "\n",
          "sig=$1; shift",
          "exec 3<&0 </dev/null",
          "\"$@\" 3<&- &",
          "server=$!",
          "( while read -r _ <&3; do :; done; kill -s \"$sig\" \"$server\" 2>/dev/null ) &",
          "watcher=$!",
          "exec 3<&-",
          "wait \"$server\"",
          "status=$?",
          "kill \"$watcher\" 2>/dev/null",
          "exit $status");

  private final Process process;
  private final Path logFile;

  private ServerProcess(Process process, Path logFile) {
    this.process = process;
    this.logFile = logFile;
  }

  /**
   * Starts {@code command} in {@code workDir}, output appended to {@code logFile}.
   *
   * @param stopSignal the signal the server treats as "shut down cleanly" (e.g. INT, TERM)
   * @param runAsUser run as this user through runuser, or null to run as ourselves
   */
  static ServerProcess start(
      List<String> command,
      String stopSignal,
      String runAsUser,
      Path workDir,
      Path logFile,
      Map<String, String> environment) {
    List<String> full = new ArrayList<>(asUser(runAsUser));
    full.addAll(List.of("sh", "-c", WATCHDOG, "featurestore-watchdog", stopSignal));
    full.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(full)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().putAll(environment);
    try {
      return new ServerProcess(builder.start(), logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  /** Runs a short command to completion, failing with its output when it does not exit 0. */
  static String runToCompletion(
      List<String> command, String runAsUser, Path workDir, Duration timeout) {
    List<String> full = new ArrayList<>(asUser(runAsUser));
    full.addAll(command);
    try {
      Path output = Files.createTempFile("featurestore-cmd-", ".log");
      try {
        Process process =
            new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly();
          throw new IllegalStateException(
              String.join(" ", command) + " timed out after " + timeout);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              String.join(" ", command)
                  + " failed with exit code "
                  + process.exitValue()
                  + ":\n"
                  + text);
        }
        return text;
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Asks the server to stop with its graceful signal and waits; kills it (and its children) when it
   * has not stopped within {@code timeout}. Idempotent.
   */
  void stop(Duration timeout) {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // Already closed: the watchdog has its end-of-file either way.
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The last {@code lines} lines of the server's output, for error messages. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(no log at " + logFile + ")";
    }
  }

  boolean logContains(String text) {
    try {
      return Files.readString(logFile, StandardCharsets.UTF_8).contains(text);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static List<String> asUser(String user) {
    if (user == null) {
      return List.of();
    }
    Path runuser = Executables.require("runuser", "install util-linux: apt-get install util-linux");
    return List.of(runuser.toString(), "-u", user, "--");
  }
}
